import { contentSecurityPolicy } from '../shared/host/csp';

/**
 * Every security decision of the Electron shell, as plain functions over plain values, so that each
 * one is unit-tested in Node without Electron (tests/unit/electron/security.test.ts). main.ts only
 * wires them to Electron's events.
 */

/**
 * The app's origin. Chosen once and never changed: IndexedDB (the vault) belongs to the origin, so a
 * new scheme or host would look to the user like a lost vault.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'poc-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard (real origin, relative URLs), secure (like https), fetch-able. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
} as const;

/** The webPreferences of every window we open. Nothing here may be relaxed. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/**
 * What the session keeps of what the user types (issue 9 §5). The spellchecker is off for the whole
 * session, not only per window (webPreferences.spellcheck), so no word of a case reaches a
 * dictionary download or the custom-words file. Electron itself has no form autofill and no
 * session restore (Chrome's `Web Data` and `Sessions/*`); the renderer's inputs opt out anyway
 * (renderer/components/privateInput.ts), so the browser host is as tight as the desktop app.
 */
export const PRIVATE_SESSION = { spellCheckerEnabled: false } as const;

/** Is this URL a page of our own app (app://poc-desk/…)? */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // WHATWG gives custom schemes an opaque origin ("null"), so compare scheme and host instead.
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * Links that may leave the app for the OS: web pages over https and mail drafts (mailto:), nothing
 * else (no file:, no custom handlers, no http:, no credentials in the URL).
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 200_000) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  if (parsed.protocol !== 'https:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** What to do when the page tries to go somewhere: never navigate; hand allowed links to the OS. */
export interface NavigationDecision {
  allow: false;
  openExternally: boolean;
}

export function decideNavigation(url: string): NavigationDecision {
  return { allow: false, openExternally: isAllowedExternalUrl(url) };
}

/** window.open / target=_blank: never a new Electron window; allowed links go to the OS. */
export function decideWindowOpen(url: string): NavigationDecision {
  return decideNavigation(url);
}

/** <webview> is disabled in webPreferences; should one be attached anyway, refuse it. */
export function decideWebviewAttach(): { allow: false } {
  return { allow: false };
}

export interface PermissionQuery {
  permission: string;
  /** The origin (or URL) asking. */
  requestingUrl: string;
  /** Whether the asking frame is the top frame of the page. */
  isMainFrame: boolean;
}

/**
 * Every permission is refused (camera, microphone, geolocation, notifications — the app shows OS
 * notifications through the host instead — USB, HID, serial, MIDI, fullscreen, …).
 *
 * One narrow exception: `clipboard-sanitized-write`, for our own app's top frame only. Chromium asks
 * for it before every `navigator.clipboard.writeText`, which the copy buttons (fingerprints, armoured
 * messages, directory fields) use; it needs a user gesture, only writes sanitized data and never
 * reads. Clipboard *read* stays denied.
 */
export function decidePermission(query: PermissionQuery): boolean {
  return (
    query.permission === 'clipboard-sanitized-write' && query.isMainFrame && isAppUrl(query.requestingUrl)
  );
}

/** Headers on every app:// response: the CSP first of all. */
export function appResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'content-type': mimeType,
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}

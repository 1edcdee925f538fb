import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  decideNavigation,
  decidePermission,
  decideWebviewAttach,
  decideWindowOpen,
  isAllowedExternalUrl,
  isAppUrl,
  secureWebPreferences,
  PRIVATE_SESSION,
} from '../../../electron/security';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node and webviews out of every window', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps typed text private: no spellcheck in any window nor in the session (issue 9 §5)', () => {
    expect(secureWebPreferences('/app/preload.cjs').spellcheck).toBe(false);
    expect(PRIVATE_SESSION.spellCheckerEnabled).toBe(false);
  });

  it('registers app:// as a standard, secure, fetch-capable scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
    });
    expect(APP_ORIGIN).toBe('app://poc-desk');
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://poc-desk/index.html',
    'app://poc-desk/',
    'app://poc-desk',
    'app://poc-desk/index.html#/directory/x',
  ])('accepts our page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://other/index.html',
    'app://user:pw@poc-desk/index.html',
    'https://poc-desk/index.html',
    'file:///work/dist/renderer/index.html',
    'http://127.0.0.1:4173/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.un.org/',
    'https://cert.example.org/report?x=1',
    'mailto:poc@example.org?subject=Ping',
    'mailto:a@example.org,b@example.org',
  ])('hands %s to the OS', (url) => expect(isAllowedExternalUrl(url)).toBe(true));
  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'https://user:secret@example.org/',
    'app://poc-desk/index.html',
    '',
    'https://',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('navigation, new windows and webviews', () => {
  it('never navigates the window, even to our own origin or an allowed link', () => {
    for (const url of [
      'https://example.org/',
      'app://poc-desk/other.html',
      'file:///etc/passwd',
      'mailto:a@example.org',
    ]) {
      expect(decideNavigation(url).allow).toBe(false);
    }
  });

  it('opens allowed links in the OS instead, and drops the rest', () => {
    expect(decideNavigation('https://example.org/').openExternally).toBe(true);
    expect(decideNavigation('mailto:a@example.org').openExternally).toBe(true);
    expect(decideNavigation('file:///etc/passwd').openExternally).toBe(false);
    expect(decideNavigation('http://evil.example/').openExternally).toBe(false);
  });

  it('never opens a new Electron window', () => {
    expect(decideWindowOpen('https://example.org/')).toEqual({ allow: false, openExternally: true });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ allow: false, openExternally: false });
    expect(decideWindowOpen('app://poc-desk/index.html')).toEqual({ allow: false, openExternally: false });
  });

  it('refuses every webview', () => {
    expect(decideWebviewAttach().allow).toBe(false);
  });
});

describe('decidePermission', () => {
  const ours = { requestingUrl: 'app://poc-desk/index.html', isMainFrame: true };
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'fileSystem',
    'idle-detection',
    'window-management',
    'unknown',
  ])('denies %s even to our own page', (permission) => {
    expect(decidePermission({ permission, ...ours })).toBe(false);
  });

  it('lets only our own top frame write to the clipboard (copy buttons)', () => {
    expect(decidePermission({ permission: 'clipboard-sanitized-write', ...ours })).toBe(true);
    expect(
      decidePermission({
        permission: 'clipboard-sanitized-write',
        requestingUrl: 'app://poc-desk',
        isMainFrame: true,
      }),
    ).toBe(true);
    expect(
      decidePermission({
        permission: 'clipboard-sanitized-write',
        requestingUrl: 'https://example.org/',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(
      decidePermission({
        permission: 'clipboard-sanitized-write',
        requestingUrl: 'app://poc-desk/index.html',
        isMainFrame: false,
      }),
    ).toBe(false);
  });
});

describe('appResponseHeaders', () => {
  it('sends the strict CSP, nosniff and no referrer with every response', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });
});

import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Flags that keep Chromium from phoning home (the build machines have no network) and let it run as root. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  // Saves go to the downloads folder, which Playwright can read; the save-dialog path (File System
  // Access API) is driven in its own test by stubbing the dialog, which Playwright cannot click.
  '--disable-blink-features=FileSystemAccessLocal',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function onPath(name: string): string | undefined {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The system Chromium first (CHROMIUM_PATH, then the usual places), else Playwright's own browser
 * where one was installed; with neither, fail with a message that says how to get one.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function playwrightHasOwnBrowser(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = findChromium();
  if (!executablePath && !playwrightHasOwnBrowser()) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `apt-get install chromium`; ' +
        'or `npx playwright install chromium` where downloads work), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return executablePath ? { executablePath, args: CHROMIUM_FLAGS } : { args: CHROMIUM_FLAGS };
}

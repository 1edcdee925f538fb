import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron';

/** Says at the start of every e2e run whether the desktop shell itself will be tested, and if not why. */
export default function globalSetup(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const binary = findElectronBinary(root);
  process.stdout.write(
    binary.path
      ? `e2e: Electron binary found (${binary.path}); tests/e2e/electron.spec.ts runs the desktop shell.\n`
      : `e2e: tests/e2e/electron.spec.ts is SKIPPED — Electron binary not available on this machine (${binary.why ?? 'unknown reason'}); the same UI is tested in Chromium through the browser host.\n`,
  );
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable the way node_modules/electron does, but WITHOUT requiring the
 * `electron` package: requiring it tries to download the binary, which hangs or fails offline.
 */
export function findElectronBinary(root: string): { path?: string; why?: string } {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { why: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative || 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : undefined;
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    why:
      'node_modules/electron has no binary: package.json allowScripts skips its download; ' +
      'where downloads work, `node node_modules/electron/install.js` fetches it',
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronPackage = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/**
 * The Electron executable, found without `require('electron')`: that would try to
 * download the binary and hang offline. Undefined when there is none.
 */
export function findElectronBinary(env = process.env) {
  const pathTxt = join(electronPackage, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  const candidates = [];
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const dist = env.ELECTRON_OVERRIDE_DIST_PATH;
    candidates.push(join(dist, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron')));
  } else if (relative) {
    candidates.push(join(electronPackage, 'dist', relative));
  }
  return candidates.find((candidate) => existsSync(candidate));
}

export const noElectronMessage =
  'Không có Electron binary trên máy này (no Electron binary: set ELECTRON_OVERRIDE_DIST_PATH or use `npm run web`)';

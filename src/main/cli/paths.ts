import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, for finding the built renderer when serving from the command line. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');

/** Where the desktop app keeps its ledger when no folder is given (the same place Electron's userData uses). */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'doudi', 'ledger');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'doudi', 'ledger');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'doudi', 'ledger');
}

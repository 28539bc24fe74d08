/**
 * Where an end-to-end run keeps what the servers leave behind, so the last step can check it for personal
 * data: each server's output, its temp folder, crash reports, and the data folders of the ledgers.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const E2E_RUN = path.join(ROOT, 'test-results', 'e2e-run');
export const RUN_FOLDERS = {
  logs: path.join(E2E_RUN, 'logs'),
  tmp: path.join(E2E_RUN, 'tmp'),
  crash: path.join(E2E_RUN, 'crash'),
  ledgers: path.join(E2E_RUN, 'ledgers'),
  /** The administrator password of each prepared ledger, by folder name, for the final check to open it. */
  passwords: path.join(E2E_RUN, 'passwords'),
} as const;

/** Passwords the specs give ledgers they set up through the UI. */
export const KNOWN_PASSWORDS = ['County2026pass', 'Demo2026pass'];

export function ensureRunFolders(): void {
  for (const dir of Object.values(RUN_FOLDERS)) fs.mkdirSync(dir, { recursive: true });
}

/** A new, empty data folder for one server. */
export function newLedgerFolder(prefix: string): string {
  ensureRunFolders();
  return fs.mkdtempSync(path.join(RUN_FOLDERS.ledgers, `${prefix}-`));
}

/** A new log file for one process, e.g. `serve-3.log`. */
export function newLogFile(kind: string): string {
  ensureRunFolders();
  const taken = new Set(fs.readdirSync(RUN_FOLDERS.logs));
  let n = 1;
  while (taken.has(`${kind}-${n}.log`)) n += 1;
  const file = path.join(RUN_FOLDERS.logs, `${kind}-${n}.log`);
  fs.writeFileSync(file, '', { flag: 'wx' });
  return file;
}

export function rememberPassword(dataDir: string, password: string): void {
  ensureRunFolders();
  fs.writeFileSync(path.join(RUN_FOLDERS.passwords, path.basename(dataDir)), password);
}

/** The environment of every server and CLI process: its own temp folder. */
export function processEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  ensureRunFolders();
  return { ...process.env, TMPDIR: RUN_FOLDERS.tmp, TMP: RUN_FOLDERS.tmp, TEMP: RUN_FOLDERS.tmp, ...extra };
}

/** Node flags for the same processes: a report in the crash folder should one die. */
export const NODE_REPORT_FLAGS = [
  '--report-on-fatalerror',
  '--report-uncaught-exception',
  `--report-directory=${RUN_FOLDERS.crash}`,
  `--diagnostic-dir=${RUN_FOLDERS.crash}`,
];

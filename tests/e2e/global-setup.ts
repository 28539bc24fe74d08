/** Before an end-to-end run: empty folders for the servers' logs, temp files, crash reports and ledgers. */
import fs from 'node:fs';
import { E2E_RUN, ensureRunFolders } from './run-folders';

export default function globalSetup(): void {
  fs.rmSync(E2E_RUN, { recursive: true, force: true });
  ensureRunFolders();
}

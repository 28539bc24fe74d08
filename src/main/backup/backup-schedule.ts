/**
 * The daily backup runs inside the app while the ledger is open (its key is only in memory then): checked
 * every minute and once right after sign-in, one attempt at a time.
 */
import type { Backend } from '../app/backend';
import { runDueBackup } from './backup.service';

const CHECK_EVERY_MS = 60_000;

export function startBackupSchedule(backend: Backend): { check(): Promise<void>; stop(): void } {
  let running: Promise<unknown> | null = null;
  const check = async () => {
    if (running) return;
    running = runDueBackup(backend).catch((err: unknown) => backend.log.error('backup.schedule', err));
    try {
      await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

import type { LedgerStore } from '../db/ledger-store';
import type { ScryptParams } from '../auth/kdf';
import type { LoginThrottle } from '../auth/login-throttle';
import type { Clock } from './clock';
import type { Logger } from './log';

/** What every service and handler may use: the ledger on disk, the clock, the log, the KDF cost. */
export interface Backend {
  store: LedgerStore;
  clock: Clock;
  log: Logger;
  kdf: ScryptParams;
  throttle: LoginThrottle;
}

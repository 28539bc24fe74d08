import { LedgerStore } from '../db/ledger-store';
import { DEFAULT_SCRYPT, type ScryptParams } from '../auth/kdf';
import { LoginThrottle } from '../auth/login-throttle';
import { createRouter, type Router } from '../rpc/router';
import { handlers } from '../rpc/handlers';
import { Sessions, type SessionPolicy } from '../rpc/sessions';
import type { Backend } from './backend';
import { systemClock, type Clock } from './clock';
import { consoleLogger, type Logger } from './log';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  kdf?: ScryptParams;
  sessionPolicy?: SessionPolicy;
}

/** Wires a backend for one data folder: the store, sessions and the router both transports call. */
export function createBackend(options: BackendOptions): { backend: Backend; sessions: Sessions; router: Router } {
  const clock = options.clock ?? systemClock;
  const backend: Backend = {
    store: new LedgerStore(options.dataDir),
    clock,
    log: options.log ?? consoleLogger(),
    kdf: options.kdf ?? DEFAULT_SCRYPT,
    throttle: new LoginThrottle(clock),
  };
  const sessions = new Sessions(clock, options.sessionPolicy);
  return { backend, sessions, router: createRouter(backend, sessions, handlers) };
}

import type { Contract, MethodName, MethodOutput, ParsedInput, SessionUser } from '../../shared/api/contract';
import type { Scope } from '../../shared/domain/roles';
import type { Backend } from '../app/backend';
import type { Actor } from '../audit/audit.service';
import type { LedgerDb } from '../db/schema';
import type { Session, Sessions } from './sessions';

export interface PublicContext {
  backend: Backend;
  session: Session;
  sessions: Sessions;
  signal: AbortSignal;
  /** Reports progress of long work to the caller (only when the call carried a job id). */
  progress(done: number, total: number, message?: string): void;
}

export interface UserContext extends PublicContext {
  user: SessionUser;
  actor: Actor;
  scope: Scope;
  db: LedgerDb;
}

export type ContextFor<M extends MethodName> = Contract[M]['access'] extends { kind: 'public' } ? PublicContext : UserContext;

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: ContextFor<M>) => Promise<MethodOutput<M>>;

/** Every contract method must have a handler: a missing one is a compile error here. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** A group of handlers for some methods, written beside their domain. */
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };

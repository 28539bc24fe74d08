/**
 * Sign-in sessions, shared by both transports: the desktop window has one, each browser has one (by
 * cookie). A session expires after `maxAgeMs` in all, or `idleExpiryMs` without any call.
 */
import crypto from 'node:crypto';
import type { FileDelivery, SessionUser, ServerEvent } from '../../shared/api/contract';
import type { Clock } from '../app/clock';
import type { FileSink } from './file-sink';
import type { Upload } from './uploads';

export interface Session {
  id: string;
  user: SessionUser | null;
  idleLockMinutes: number;
  locked: boolean;
  createdAt: number;
  lastActivityAt: number;
  jobs: Map<string, AbortController>;
  listeners: Set<(event: ServerEvent) => void>;
  /** Files handed in by the user (rosters to import), in memory only. */
  uploads: Map<string, Upload>;
  /** Where files made for this session go; set by the transport. */
  files?: FileSink;
  /** Prints the session's window to a PDF and delivers it like a file; only the desktop app sets it. */
  printer?: (fileName: string) => Promise<FileDelivery>;
  /** The HTTP transport's `Host` the session was made for; its cookie is refused under any other. */
  boundHost?: string;
}

export interface SessionPolicy {
  maxAgeMs: number;
  idleExpiryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxAgeMs: 12 * 3600_000, idleExpiryMs: 2 * 3600_000 };

/** Sessions nobody has signed in to cost nothing to make (any request without a cookie): keep at most this many. */
export const MAX_ANONYMOUS_SESSIONS = 1000;

/** Locks a signed-in session idle for longer than its idle-lock minutes, telling its listeners once. */
export function lockWhenIdle(session: Session, now: number): void {
  if (!session.user || session.locked || now - session.lastActivityAt <= session.idleLockMinutes * 60_000) return;
  session.locked = true;
  session.listeners.forEach((listener) => listener({ type: 'session', state: 'locked' }));
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ) {}

  create(): Session {
    const now = this.clock.now().getTime();
    const session: Session = {
      id: crypto.randomBytes(32).toString('base64url'),
      user: null,
      idleLockMinutes: 0,
      locked: false,
      createdAt: now,
      lastActivityAt: now,
      jobs: new Map(),
      listeners: new Set(),
      uploads: new Map(),
    };
    this.byId.set(session.id, session);
    this.dropSurplusAnonymous();
    return session;
  }

  /** Forgets the oldest sessions nobody signed in to, beyond the cap (a signed-in session is never dropped). */
  private dropSurplusAnonymous(): void {
    if (this.byId.size <= MAX_ANONYMOUS_SESSIONS) return;
    let anonymous = 0;
    for (const s of this.byId.values()) if (!s.user) anonymous += 1;
    for (const s of this.byId.values()) {
      if (anonymous <= MAX_ANONYMOUS_SESSIONS) break;
      if (!s.user) {
        this.byId.delete(s.id);
        anonymous -= 1;
      }
    }
  }

  /** The live session with this id, or undefined when unknown or expired (an expired one is dropped). */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.byId.get(id);
    if (!session) return undefined;
    const now = this.clock.now().getTime();
    if (now - session.createdAt > this.policy.maxAgeMs || now - session.lastActivityAt > this.policy.idleExpiryMs) {
      this.expire(session);
      return undefined;
    }
    return session;
  }

  /**
   * A new id for the same session (after sign-in), so an id known before sign-in is worthless; its
   * lifetime counts from here.
   */
  rotate(session: Session): void {
    this.byId.delete(session.id);
    session.id = crypto.randomBytes(32).toString('base64url');
    session.createdAt = this.clock.now().getTime();
    this.byId.set(session.id, session);
  }

  destroy(session: Session): void {
    this.byId.delete(session.id);
    session.jobs.forEach((job) => job.abort());
    session.jobs.clear();
    session.uploads.clear();
    session.user = null;
  }

  /** Ends every session (the ledger was replaced); each window is told and goes back to sign-in. */
  endAll(): void {
    for (const session of [...this.byId.values()]) this.expire(session);
  }

  /** Ends a session and tells its window, which returns to sign-in. */
  private expire(session: Session): void {
    this.destroy(session);
    this.emit(session, { type: 'session', state: 'expired' });
  }

  signedInCount(): number {
    let n = 0;
    for (const s of this.byId.values()) if (s.user) n += 1;
    return n;
  }

  emit(session: Session, event: ServerEvent): void {
    session.listeners.forEach((listener) => listener(event));
  }
}

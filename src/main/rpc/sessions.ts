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
}

export interface SessionPolicy {
  maxAgeMs: number;
  idleExpiryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxAgeMs: 12 * 3600_000, idleExpiryMs: 2 * 3600_000 };

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
    return session;
  }

  /** The live session with this id, or undefined when unknown or expired (an expired one is dropped). */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.byId.get(id);
    if (!session) return undefined;
    const now = this.clock.now().getTime();
    if (now - session.createdAt > this.policy.maxAgeMs || now - session.lastActivityAt > this.policy.idleExpiryMs) {
      this.destroy(session);
      session.listeners.forEach((l) => l({ type: 'session', state: 'expired' }));
      return undefined;
    }
    return session;
  }

  /** A new id for the same session (after sign-in), so an id known before sign-in is worthless. */
  rotate(session: Session): void {
    this.byId.delete(session.id);
    session.id = crypto.randomBytes(32).toString('base64url');
    this.byId.set(session.id, session);
  }

  destroy(session: Session): void {
    this.byId.delete(session.id);
    session.jobs.forEach((job) => job.abort());
    session.jobs.clear();
    session.uploads.clear();
    session.user = null;
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

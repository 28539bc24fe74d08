/**
 * Files for the browser: held in memory (personal data never goes to a temp file), fetched once by the
 * session that made them, within five minutes.
 */
import crypto from 'node:crypto';
import type { Clock } from '../app/clock';
import { collectFile, type FileSink } from '../rpc/file-sink';
import type { Session } from '../rpc/sessions';

const TTL_MS = 5 * 60_000;
const PER_SESSION = 5;

interface Held {
  session: Session;
  data: Buffer;
  fileName: string;
  mimeType: string;
  expiresAt: number;
}

export class Downloads {
  private readonly held = new Map<string, Held>();
  constructor(private readonly clock: Clock) {}

  sinkFor(session: Session): FileSink {
    return {
      deliver: async (file) => {
        const { data, rows } = await collectFile(file);
        this.sweep();
        const mine = [...this.held.entries()].filter(([, h]) => h.session === session);
        for (const [token] of mine.slice(0, Math.max(0, mine.length - PER_SESSION + 1))) this.held.delete(token);
        const token = crypto.randomBytes(24).toString('base64url');
        this.held.set(token, { session, data, fileName: file.fileName, mimeType: file.mimeType, expiresAt: this.clock.now().getTime() + TTL_MS });
        return { kind: 'download', url: `/api/download/${token}`, fileName: file.fileName, rows };
      },
    };
  }

  /** The file for this token if `session` made it; it can be taken once. */
  take(token: string, session: Session | undefined): Held | undefined {
    this.sweep();
    const held = this.held.get(token);
    if (!held || !session || held.session !== session) return undefined;
    this.held.delete(token);
    return held;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [token, h] of this.held) if (h.expiresAt < now || !h.session.user) this.held.delete(token);
  }
}

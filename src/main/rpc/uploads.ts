/**
 * Files a user hands to the backend (township rosters), held in memory by their session: never written to
 * a temp file, at most a few per session, dropped with the session. The transports receive the bytes
 * (an HTTP body, an IPC buffer); methods then name the upload by its id.
 */
import crypto from 'node:crypto';
import type { WireResult } from '../../shared/api/errors';
import { GRID_LIMITS } from '../imports/read/grid';
import type { Session } from './sessions';

export interface Upload {
  id: string;
  fileName: string;
  data: Buffer;
  sha256: string;
  receivedAt: number;
  /** What reading the file produced, kept so remapping columns does not read it again. */
  cache?: unknown;
  /** The last preview's analysis, with what it was made against (see imports.service `analysisFor`). */
  analysis?: { key: string; value: unknown };
}

export interface UploadInfo {
  uploadId: string;
  fileName: string;
  size: number;
}

const PER_SESSION = 3;
export const MAX_UPLOAD_BYTES = GRID_LIMITS.maxFileBytes;

export const uploadTooLarge = (bytes: number): WireResult<never> => ({
  ok: false,
  error: { code: 'VALIDATION', message: `文件过大（${Math.ceil(bytes / 1024 / 1024)} MB，上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请按乡镇拆分后分批导入` },
});

const cleanFileName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(0, 120) || '未命名文件';

/** Keeps a file for a signed-in session and answers with its id. */
export function acceptUpload(session: Session, fileName: string, data: Buffer, now: number): WireResult<UploadInfo> {
  if (!session.user) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } };
  if (session.locked) return { ok: false, error: { code: 'SESSION_LOCKED', message: '屏幕已锁定，请输入密码解锁' } };
  if (data.length > MAX_UPLOAD_BYTES) return uploadTooLarge(data.length);
  const uploads = [...session.uploads.values()].sort((a, b) => a.receivedAt - b.receivedAt);
  while (uploads.length >= PER_SESSION) session.uploads.delete(uploads.shift()!.id);
  const upload: Upload = { id: crypto.randomBytes(16).toString('hex'), fileName: cleanFileName(fileName), data, sha256: crypto.createHash('sha256').update(data).digest('hex'), receivedAt: now };
  session.uploads.set(upload.id, upload);
  return { ok: true, data: { uploadId: upload.id, fileName: upload.fileName, size: data.length } };
}

/** Files a script reads from disk get the same treatment as uploads. */
export function uploadFromBuffer(fileName: string, data: Buffer): Upload {
  return { id: 'cli', fileName: cleanFileName(fileName), data, sha256: crypto.createHash('sha256').update(data).digest('hex'), receivedAt: Date.now() };
}

import type { CallOptions, ServerEvent } from './contract';
import type { WireResult } from './errors';

/** The IPC channel names and the shape the preload exposes as `window.doudi`. */
export const IPC_INVOKE = 'doudi:invoke';
export const IPC_EVENT = 'doudi:event';
export const IPC_UPLOAD = 'doudi:upload';

export interface UploadInfo {
  uploadId: string;
  fileName: string;
  size: number;
}

export interface DoudiBridge {
  invoke(method: string, input: unknown, options?: CallOptions): Promise<WireResult<unknown>>;
  on(listener: (event: ServerEvent) => void): () => void;
  /** Hands a file the user chose to the backend, which keeps it in memory for this session. */
  upload(fileName: string, data: ArrayBuffer): Promise<WireResult<UploadInfo>>;
}

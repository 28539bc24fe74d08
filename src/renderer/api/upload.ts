/**
 * Hands a file the user chose to the backend, which keeps it in memory for the session and answers with
 * an upload id that later calls name. The desktop app sends the bytes over IPC, a browser posts them.
 */
import type { UploadInfo } from '../../shared/api/bridge';
import { isWireError, type WireResult } from '../../shared/api/errors';
import { ApiError } from './api-error';

/** The server refuses larger files too; refusing here spares sending them. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

async function overHttp(file: File): Promise<WireResult<UploadInfo>> {
  let response: Response;
  try {
    response = await fetch('/api/upload', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new ApiError('NETWORK', '无法连接到兜底服务，请确认程序仍在运行后重试');
  }
  try {
    return (await response.json()) as WireResult<UploadInfo>;
  } catch {
    throw new ApiError('INTERNAL', `服务返回了无法识别的应答（HTTP ${response.status}），请联系管理员`);
  }
}

export async function uploadFile(file: File): Promise<UploadInfo> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = Math.ceil(file.size / 1024 / 1024);
    throw new ApiError('VALIDATION', `文件过大（${mb} MB，上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请按乡镇拆分后分批导入`);
  }
  const bridge = window.doudi;
  const result = bridge ? await bridge.upload(file.name, await file.arrayBuffer()) : await overHttp(file);
  if (result && result.ok === true) return result.data;
  if (result && result.ok === false && isWireError(result.error)) throw ApiError.fromWire(result.error);
  throw new ApiError('INTERNAL', '服务返回了无法识别的应答，请联系管理员');
}

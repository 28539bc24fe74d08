import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_UPLOAD } from '../../shared/api/bridge';
import { acceptUpload, uploadTooLarge, MAX_UPLOAD_BYTES } from '../rpc/uploads';
import type { CallOptions } from '../../shared/api/contract';
import type { Router } from '../rpc/router';
import { lockWhenIdle, type Session } from '../rpc/sessions';
import type { Clock } from '../app/clock';
import { isAppUrl } from './window-options';
import { pdfPrinter } from './pdf-printer';
import { saveDialogSink } from './save-dialog-sink';

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } } as const;

/** A call counts only from our window's own web contents, from a frame showing an app:// page. */
function fromOurPage(window: BrowserWindow, event: IpcMainInvokeEvent): boolean {
  return event.sender === window.webContents && isAppUrl(event.senderFrame?.url ?? '');
}

/** The IPC transport: the desktop window's one session, calls checked to come from our own page. */
export function connectIpc(window: BrowserWindow, router: Router, session: Session, clock: Clock): void {
  session.files = saveDialogSink(window);
  session.printer = pdfPrinter(window, session.files);
  session.listeners.add((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, event);
  });
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown, options: unknown) => {
    if (!fromOurPage(window, event)) return FORBIDDEN;
    const jobId = (options as CallOptions | undefined)?.jobId;
    return router.call(session, String(method), input, { jobId: typeof jobId === 'string' ? jobId : undefined });
  });
  ipcMain.handle(IPC_UPLOAD, (event, fileName: unknown, data: unknown) => {
    if (!fromOurPage(window, event)) return FORBIDDEN;
    if (!(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return { ok: false, error: { code: 'VALIDATION', message: '文件内容无效' } };
    const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.length > MAX_UPLOAD_BYTES) return uploadTooLarge(bytes.length);
    const now = clock.now().getTime();
    lockWhenIdle(session, now);
    return acceptUpload(session, String(fileName ?? ''), bytes, now);
  });
}

/**
 * The preload exposes exactly two things to the untrusted renderer: one typed `invoke(method, input)` and
 * an event subscription. No Node, no Electron objects, nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallOptions, ServerEvent } from '../shared/api/contract';
import type { WireResult } from '../shared/api/errors';
import { IPC_EVENT, IPC_INVOKE, IPC_UPLOAD, type DoudiBridge, type UploadInfo } from '../shared/api/bridge';

const bridge: DoudiBridge = {
  invoke: (method: string, input: unknown, options?: CallOptions) =>
    ipcRenderer.invoke(IPC_INVOKE, method, input, options ?? {}) as Promise<WireResult<unknown>>,
  upload: (fileName: string, data: ArrayBuffer) => ipcRenderer.invoke(IPC_UPLOAD, fileName, data) as Promise<WireResult<UploadInfo>>,
  on: (listener: (event: ServerEvent) => void) => {
    const wrapped = (_e: unknown, event: ServerEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('doudi', bridge);

/**
 * The Electron entry: one window on the default ledger in the user's data folder, talking to the same
 * router as the HTTP transport over IPC. The only backend file (with electron/**) that imports electron.
 */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createBackend } from './app/create-backend';
import { boundHeapGrowth } from './app/heap';
import { startBackupSchedule } from './backup/backup-schedule';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { hardenAllWindows } from './electron/hardening';
import { connectIpc } from './electron/ipc';
import { APP_ENTRY_URL, windowOptions } from './electron/window-options';

const here = import.meta.dirname;
boundHeapGrowth();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same ledger file twice: hand over to the first one instead.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = process.env.DOUDI_DATA ?? path.join(app.getPath('userData'), 'ledger');
    const { backend, router, sessions } = createBackend({ dataDir });
    const backups = startBackupSchedule(backend);
    hardenAllWindows();
    serveRenderer(path.join(here, '../renderer'));
    window = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs')));
    connectIpc(window, router, sessions.create(), backend.clock);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(APP_ENTRY_URL);
    app.on('window-all-closed', () => {
      backups.stop();
      void backend.store.close().finally(() => app.quit());
    });
  });
}

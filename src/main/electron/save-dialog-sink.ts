import fs from 'node:fs';
import { dialog, type BrowserWindow } from 'electron';
import type { FileSink } from '../rpc/file-sink';

/** Desktop files go where the user chooses in the save dialog; a failed write leaves no partial file. */
export function saveDialogSink(window: BrowserWindow): FileSink {
  return {
    deliver: async (file) => {
      const choice = await dialog.showSaveDialog(window, { defaultPath: file.fileName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const out = fs.createWriteStream(choice.filePath);
      const finished = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
      });
      try {
        const rows = await file.write(out);
        if (!out.writableEnded) out.end();
        await finished;
        return { kind: 'saved', path: choice.filePath, fileName: file.fileName, rows };
      } catch (err) {
        out.destroy();
        fs.rmSync(choice.filePath, { force: true });
        throw err;
      }
    },
  };
}

import { dialog, type BrowserWindow } from 'electron';
import { writeFileAtomically } from '../app/write-file';
import type { FileSink } from '../rpc/file-sink';

/** Desktop files go where the user chooses in the save dialog; a failed write leaves no partial file. */
export function saveDialogSink(window: BrowserWindow): FileSink {
  return {
    deliver: async (file) => {
      const choice = await dialog.showSaveDialog(window, { defaultPath: file.fileName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const rows = await writeFileAtomically(choice.filePath, file);
      return { kind: 'saved', path: choice.filePath, fileName: file.fileName, rows };
    },
  };
}

import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { writeFileAtomically } from '../app/write-file';
import { PDF_MIME, XLSX_MIME, type FileSink } from '../rpc/file-sink';

const FILTERS: Record<string, FileFilter[]> = {
  [XLSX_MIME]: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  [PDF_MIME]: [{ name: 'PDF 文件', extensions: ['pdf'] }],
};

/** Desktop files go where the user chooses in the save dialog; a failed write leaves no partial file. */
export function saveDialogSink(window: BrowserWindow): FileSink {
  return {
    deliver: async (file) => {
      const choice = await dialog.showSaveDialog(window, { defaultPath: file.fileName, filters: FILTERS[file.mimeType] ?? [] });
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const rows = await writeFileAtomically(choice.filePath, file);
      return { kind: 'saved', path: choice.filePath, fileName: file.fileName, rows };
    },
  };
}

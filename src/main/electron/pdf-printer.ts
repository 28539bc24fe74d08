import type { BrowserWindow } from 'electron';
import type { FileDelivery } from '../../shared/api/contract';
import { PDF_MIME, type FileSink } from '../rpc/file-sink';

/**
 * print.toPdf in the desktop app: prints the window as it shows now (print styles, A4) and hands the PDF to
 * the same save dialog as every other file. A cancelled dialog writes nothing.
 */
export function pdfPrinter(window: BrowserWindow, files: FileSink): (fileName: string) => Promise<FileDelivery> {
  return async (fileName) => {
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return files.deliver({
      fileName,
      mimeType: PDF_MIME,
      write: async (out) => {
        out.end(pdf);
        return 0;
      },
    });
  };
}

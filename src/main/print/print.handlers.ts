import { AppError } from '../../shared/api/errors';
import type { HandlerGroup } from '../rpc/context';

/** A name the save dialog can offer: no folders, no characters Windows refuses, ending in .pdf. */
export function pdfFileName(name: string): string {
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').replace(/^[.\s]+/, '').trim() || '打印';
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

export const printHandlers: HandlerGroup<'print.toPdf'> = {
  'print.toPdf': async (input, ctx) => {
    // Only the desktop window can be printed from here; a browser prints (and saves a PDF) itself.
    if (!ctx.session.printer) throw new AppError('VALIDATION', '浏览器中请使用“打印”，在打印对话框中选择“另存为 PDF”');
    return ctx.session.printer(pdfFileName(input.fileName));
  },
};

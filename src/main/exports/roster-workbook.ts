/**
 * Writes a roster workbook as a stream (exceljs streaming writer, one row in memory at a time): merged
 * title, unit line, header, data rows, a 合计 row and the signature footer, printable on A4 landscape.
 * IDs and account numbers are text cells; money is exact (summed in fen, written as 元); no cell starts a
 * formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeText } from '../excel/safe-cell';
import type { RosterColumn } from './roster-columns';

export interface RosterMeta {
  title: string;
  subtitle: string;
  preparedBy: string;
  /** YYYY-MM-DD */
  date: string;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function writeRosterWorkbook<R>(out: Writable, meta: RosterMeta, columns: RosterColumn<R>[], batches: AsyncIterable<R[]>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('花名册', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const n = columns.length;

  const title = sheet.addRow([safeText(meta.title)]);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, n);
  title.commit();
  const sub = sheet.addRow([safeText(meta.subtitle)]);
  sub.getCell(1).alignment = { horizontal: 'right' };
  sheet.mergeCells(2, 1, 2, n);
  sub.commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  header.commit();

  // One style object per column, shared by all its cells: exceljs caches styles by object identity, so a
  // shared object is registered once instead of serialised for every cell.
  const cellStyles = columns.map((c) => ({
    border: BORDER,
    ...(c.kind === 'id' ? { numFmt: '@' } : c.kind === 'money' ? { numFmt: '#,##0.00' } : {}),
  })) as Partial<ExcelJS.Style>[];
  const totals = columns.map(() => 0);
  let count = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      count += 1;
      const row = sheet.addRow(
        columns.map((c, i) => {
          if (c.kind === 'seq') return count;
          const v = c.value(r);
          if (c.total && typeof v === 'number') totals[i]! += v;
          if (v === null || v === undefined) return null;
          if (c.kind === 'money') return Number(v) / 100;
          return typeof v === 'string' ? safeText(v) : v;
        }),
      );
      for (let i = 0; i < columns.length; i++) row.getCell(i + 1).style = cellStyles[i]!;
      row.commit();
    }
  }

  const total = sheet.addRow(columns.map((c, i) => (i === 0 ? '合计' : c.total ? (c.kind === 'money' ? totals[i]! / 100 : totals[i]) : null)));
  columns.forEach((c, i) => {
    const cell = total.getCell(i + 1);
    cell.font = { bold: true };
    cell.border = BORDER;
    if (c.kind === 'money') cell.numFmt = '#,##0.00';
  });
  total.commit();
  sheet.addRow([]).commit();
  const footer = sheet.addRow([safeText(`制表人：${meta.preparedBy}        审核人：                负责人：                制表日期：${chineseDate(meta.date)}`)]);
  sheet.mergeCells(footer.number, 1, footer.number, n);
  footer.commit();
  await sheet.commit();
  await workbook.commit();
  return count;
}

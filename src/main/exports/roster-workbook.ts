/**
 * Writes a roster workbook as a stream (exceljs streaming writer, one row in memory at a time): merged
 * title, unit line, header, data rows, a 合计 row and the signature footer, printable on A4 landscape.
 * IDs and account numbers are text cells; money is exact (summed in fen, written as 元); no cell starts a
 * formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeText } from '../excel/safe-cell';
import { addHeaderRow, addTitleRows, addTotalAndFooter, columnStyle, rosterSheetOptions } from '../excel/roster-frame';
import type { RosterColumn } from './roster-columns';

export interface RosterMeta {
  title: string;
  subtitle: string;
  preparedBy: string;
  /** YYYY-MM-DD */
  date: string;
}

export async function writeRosterWorkbook<R>(out: Writable, meta: RosterMeta, columns: RosterColumn<R>[], batches: AsyncIterable<R[]>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('花名册', rosterSheetOptions());
  sheet.columns = columns.map((c) => ({ width: c.width }));
  addTitleRows(sheet, columns.length, meta.title, meta.subtitle);
  addHeaderRow(sheet, columns.map((c) => c.header));

  // One style object per column, shared by all its cells: exceljs caches styles by object identity, so a
  // shared object is registered once instead of serialised for every cell.
  const cellStyles = columns.map((c) => columnStyle(c.kind));
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
  addTotalAndFooter(
    sheet,
    columns.map((c, i) => (c.total ? (c.kind === 'money' ? totals[i]! / 100 : totals[i]!) : null)),
    columns.map((c) => c.kind),
    meta.preparedBy,
    meta.date,
  );
  await sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * The frame every roster-like sheet shares, in the official layout: a merged title, a merged sub-title with
 * the unit line, a bordered header, and after the rows a 合计 row and the signature footer (制表人 / 审核人 /
 * 负责人 / 制表日期). Written through exceljs's streaming writer; no cell can start a formula.
 */
import type ExcelJS from 'exceljs';
import { chineseDate } from '../../shared/domain/dates';
import { safeText } from './safe-cell';

const thin = { style: 'thin' as const };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** A4 landscape, one page wide, the header repeated on every page and frozen on screen. */
export function rosterSheetOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  };
}

export function addTitleRows(ws: ExcelJS.Worksheet, width: number, title: string, subtitle: string, subtitleAlign: 'left' | 'right' = 'right'): void {
  const t = ws.addRow([safeText(title)]);
  t.height = 28;
  t.getCell(1).font = { bold: true, size: 16 };
  t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(t.number, 1, t.number, width);
  t.commit();
  const sub = ws.addRow([safeText(subtitle)]);
  sub.getCell(1).alignment = { horizontal: subtitleAlign };
  ws.mergeCells(sub.number, 1, sub.number, width);
  sub.commit();
}

export function addHeaderRow(ws: ExcelJS.Worksheet, headers: string[]): void {
  const header = ws.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  header.commit();
}

/** The style of a column's data cells: IDs and accounts as text, money with two decimals. */
export function columnStyle(kind: string): Partial<ExcelJS.Style> {
  return { border: BORDER, ...(kind === 'id' ? { numFmt: '@' } : kind === 'money' ? { numFmt: '#,##0.00' } : {}) };
}

/** The 合计 row (totals already summed, money in 元), a blank row and the signature footer. */
export function addTotalAndFooter(ws: ExcelJS.Worksheet, totals: (number | null)[], kinds: string[], preparedBy: string, date: string): void {
  const total = ws.addRow(totals.map((v, i) => (i === 0 ? '合计' : v)));
  kinds.forEach((kind, i) => {
    const cell = total.getCell(i + 1);
    cell.font = { bold: true };
    cell.border = BORDER;
    if (kind === 'money') cell.numFmt = '#,##0.00';
  });
  total.commit();
  ws.addRow([]).commit();
  const footer = ws.addRow([safeText(`制表人：${preparedBy}        审核人：                负责人：                制表日期：${chineseDate(date)}`)]);
  ws.mergeCells(footer.number, 1, footer.number, kinds.length);
  footer.commit();
}

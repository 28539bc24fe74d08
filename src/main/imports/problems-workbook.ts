/**
 * The problems workbook sent back to a township: its own sheet, row for row at the same row numbers (title,
 * header, data, footer, merged cells, hidden columns kept), with a 错误说明 column and every bad cell
 * highlighted (red for errors, yellow for warnings), plus a 问题汇总 sheet listing each problem. Written
 * as a stream; no cell can start a formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ROW_PROBLEM_LABELS } from '../../shared/domain/import/problems';
import { safeText } from '../excel/safe-cell';
import { BORDER } from '../excel/roster-frame';
import { XLSX_MIME, type FileToDeliver } from '../rpc/file-sink';
import { ExcelDate, type CellValue, type GridSheet } from './read/grid';
import type { Analysis } from './analyze/analysis';
import { columnOf } from './imports.service';

const ERROR_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const WARNING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } } as const;

function writable(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (v instanceof ExcelDate) return v.iso;
  return typeof v === 'string' ? safeText(v) : v;
}

export function problemsWorkbookFile(sheet: GridSheet, analysis: Analysis, fileName: string): FileToDeliver {
  const base = fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}_问题清单.xlsx`, mimeType: XLSX_MIME, write: (out) => writeProblemsWorkbook(out, sheet, analysis) };
}

async function writeProblemsWorkbook(out: Writable, sheet: GridSheet, analysis: Analysis): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31) || '花名册', { views: [{ state: 'frozen', ySplit: analysis.layout.headerBottom }] });
  const width = analysis.layout.columns.length;
  const errorCol = width + 1;
  const hidden = new Set(sheet.hiddenColumns);
  ws.columns = [
    ...Array.from({ length: width }, (_, i) => ({ width: sheet.columnWidths[i] ?? 12, hidden: hidden.has(i) })),
    { width: 60 },
  ];
  const byRow = new Map<number, { col: number | null; message: string; severity: string; column: string }[]>();
  for (const p of analysis.problems) {
    const list = byRow.get(p.row) ?? [];
    list.push({ col: p.col, message: p.message, severity: p.severity, column: columnOf(analysis, p.col).column });
    byRow.set(p.row, list);
  }
  const cellStyle: Partial<ExcelJS.Style> = { border: BORDER };
  const errorStyle: Partial<ExcelJS.Style> = { border: BORDER, fill: ERROR_FILL };
  const warningStyle: Partial<ExcelJS.Style> = { border: BORDER, fill: WARNING_FILL };
  const noteStyle: Partial<ExcelJS.Style> = { border: BORDER, alignment: { wrapText: true, vertical: 'top' }, font: { color: { argb: 'FFC00000' } } };
  const { headerTop, headerBottom } = analysis.layout;
  const dataRows = new Set(analysis.households.flatMap((h) => h.members.map((m) => m.row)));
  // The streaming writer merges only rows not yet committed: each range is merged when its top row is written.
  const mergesAt = new Map<number, typeof sheet.merges>();
  for (const m of sheet.merges) if (m.left < width && m.right < width) mergesAt.set(m.top, [...(mergesAt.get(m.top) ?? []), m]);
  if (headerBottom > headerTop) mergesAt.set(headerTop, [...(mergesAt.get(headerTop) ?? []), { top: headerTop, bottom: headerBottom, left: errorCol - 1, right: errorCol - 1 }]);
  let written = 0;
  for (const r of sheet.rows) {
    const row = ws.getRow(r.number);
    const problems = byRow.get(r.number) ?? [];
    const bad = new Map<number, string>();
    for (const p of problems) if (p.col !== null && bad.get(p.col) !== 'error') bad.set(p.col, p.severity);
    r.cells.forEach((v, c) => {
      if (c >= width) return;
      const cell = row.getCell(c + 1);
      cell.value = writable(v);
      if (dataRows.has(r.number)) cell.style = bad.get(c) === 'error' ? errorStyle : bad.get(c) === 'warning' ? warningStyle : cellStyle;
    });
    for (const [c, severity] of bad) if (r.cells[c] === null || r.cells[c] === undefined) row.getCell(c + 1).style = severity === 'error' ? errorStyle : warningStyle;
    if (r.number === headerTop) {
      const head = row.getCell(errorCol);
      head.value = '错误说明';
      head.style = { font: { bold: true, color: { argb: 'FFC00000' } }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle' } };
    }
    if (problems.length > 0) {
      const note = row.getCell(errorCol);
      note.value = safeText(problems.map((p) => `${p.severity === 'warning' ? '（提醒）' : ''}${p.column ? `【${p.column}】` : ''}${p.message}`).join('；'));
      note.style = noteStyle;
      written += 1;
    }
    for (const m of mergesAt.get(r.number) ?? []) ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1);
    row.commit();
  }
  await ws.commit();

  const list = workbook.addWorksheet('问题汇总');
  list.columns = [{ width: 8 }, { width: 22 }, { width: 8 }, { width: 22 }, { width: 70 }];
  const header = list.addRow(['行号', '列', '级别', '问题', '说明']);
  header.font = { bold: true };
  header.commit();
  for (const p of analysis.problems) {
    const { column, columnLetter } = columnOf(analysis, p.col);
    list.addRow([p.row, safeText(columnLetter ? `${columnLetter} ${column}` : column), p.severity === 'error' ? '错误' : '提醒', ROW_PROBLEM_LABELS[p.code], safeText(p.message)]).commit();
  }
  await list.commit();
  await workbook.commit();
  return written;
}

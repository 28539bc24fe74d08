/**
 * The 差异清单: every difference between a roster and the ledger that a clerk acts on (变更, then 表中没有,
 * then 新增, each in the roster's order), where the preview lists only the first of each kind. Written as a
 * stream; no cell can start a formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DIFFERENCE_LABELS, LISTED_DIFFERENCE_KINDS } from '../../shared/domain/import/differences';
import { PROGRAM_SHORT_LABELS } from '../../shared/domain/programs';
import { addHeaderRow, addTitleRows, columnStyle, rosterSheetOptions } from '../excel/roster-frame';
import { safeText } from '../excel/safe-cell';
import { XLSX_MIME, type FileToDeliver } from '../rpc/file-sink';
import type { Analysis } from './analyze/analysis';

const COLUMNS = [
  { header: '序号', width: 7, kind: 'count' },
  { header: '类型', width: 10, kind: 'text' },
  { header: '表中行号', width: 9, kind: 'count' },
  { header: '户主（姓名）', width: 14, kind: 'text' },
  { header: '人数', width: 7, kind: 'count' },
  { header: '表中金额（元）', width: 14, kind: 'money' },
  { header: '台账金额（元）', width: 14, kind: 'money' },
  { header: '说明', width: 50, kind: 'text' },
] as const;

export function differencesWorkbookFile(analysis: Analysis, fileName: string): FileToDeliver {
  const base = fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}_差异清单.xlsx`, mimeType: XLSX_MIME, write: (out) => writeDifferences(out, analysis, base) };
}

async function writeDifferences(out: Writable, analysis: Analysis, base: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet('与台账的差异', rosterSheetOptions());
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const listed = LISTED_DIFFERENCE_KINDS.map((kind) => ({ kind, differences: analysis.check.differences.filter((d) => d.kind === kind) }));
  const total = listed.reduce((n, l) => n + l.differences.length, 0);
  addTitleRows(
    ws,
    COLUMNS.length,
    `${base} 与台账的差异`,
    `${PROGRAM_SHORT_LABELS[analysis.program]}\u3000共 ${total} 项：${listed.map((l) => `${DIFFERENCE_LABELS[l.kind]} ${l.differences.length} 项`).join('，')}`,
    'left',
  );
  addHeaderRow(ws, COLUMNS.map((c) => c.header));
  const styles = COLUMNS.map((c) => columnStyle(c.kind));
  const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
  let written = 0;
  for (const { kind, differences } of listed) {
    for (const d of differences) {
      written += 1;
      const row = ws.addRow([written, DIFFERENCE_LABELS[kind], d.row, safeText(d.name), d.persons, yuan(d.amountFen), yuan(d.ledgerAmountFen), safeText(d.detail)]);
      styles.forEach((style, i) => (row.getCell(i + 1).style = style));
      row.commit();
    }
  }
  await ws.commit();
  await workbook.commit();
  return written;
}

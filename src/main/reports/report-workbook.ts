/**
 * A form as a workbook in its official layout: merged title, the period and unit line, the two-level
 * header (group cells merged across their columns), the rows, 合计, and the signature footer. Money is in
 * 元 with two decimals; values are written as values, never as formulas, and text cannot start one.
 */
import ExcelJS from 'exceljs';
import { chineseDate } from '../../shared/domain/dates';
import { rowHeader } from '../../shared/domain/reports/layout';
import type { ReportResult, ReportRow } from '../../shared/api/reports.schemas';
import { BORDER, addTitleRows } from '../excel/roster-frame';
import { safeText } from '../excel/safe-cell';
import type { FileToDeliver } from '../rpc/file-sink';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS = { fen: '#,##0.00', percent: '0.0', households: '0', persons: '0', cases: '0', text: '@' } as const;

function cell(unit: keyof typeof NUMBER_FORMATS, v: number | string | null): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'string') return safeText(v);
  return unit === 'fen' ? v / 100 : v;
}

export function reportWorkbookFile(result: ReportResult, preparedBy: string, today: string): FileToDeliver {
  const fileName = `${result.title}_${result.period}.xlsx`.replace(/[\\/:*?"<>|]+/g, '_');
  return {
    fileName,
    mimeType: XLSX_MIME,
    write: async (out) => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const wide = result.columns.length > 10;
      const ws = wb.addWorksheet(result.form === 'payment-roster' ? '发放花名册' : '报表', {
        pageSetup: { paperSize: 9, orientation: wide ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' },
        views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }],
      });
      const width = result.columns.length + 1;
      ws.columns = [{ width: 16 }, ...result.columns.map((c) => ({ width: c.unit === 'text' ? (c.key === 'members' ? 26 : 20) : c.unit === 'fen' ? 14 : 10 }))];
      addTitleRows(ws, width, result.title, `${result.periodLabel}\u3000\u3000${result.unitLine}`, 'right');
      // Two header rows: a group over its columns, a column without a group spanning both.
      const groups = ws.addRow([rowHeader(result.form, result.program), ...result.columns.map((c) => c.group ?? c.label)]);
      const labels = ws.addRow(['', ...result.columns.map((c) => (c.group ? c.label : ''))]);
      for (const row of [groups, labels]) {
        row.eachCell({ includeEmpty: true }, (c) => {
          c.font = { bold: true };
          c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
          c.border = BORDER;
        });
      }
      ws.mergeCells(groups.number, 1, labels.number, 1);
      let i = 0;
      while (i < result.columns.length) {
        const c = result.columns[i]!;
        let j = i;
        while (c.group && j + 1 < result.columns.length && result.columns[j + 1]!.group === c.group) j++;
        if (!c.group) ws.mergeCells(groups.number, i + 2, labels.number, i + 2);
        else if (j > i) ws.mergeCells(groups.number, i + 2, groups.number, j + 2);
        i = j + 1;
      }
      groups.commit();
      labels.commit();
      const addRow = (r: ReportRow, bold: boolean) => {
        const row = ws.addRow([safeText(r.label), ...result.columns.map((c, k) => cell(c.unit, r.values[k] ?? null))]);
        row.eachCell({ includeEmpty: true }, (c, n) => {
          c.border = BORDER;
          if (bold) c.font = { bold: true };
          if (n > 1) c.numFmt = NUMBER_FORMATS[result.columns[n - 2]!.unit];
        });
        row.commit();
      };
      for (const r of result.rows) addRow(r, false);
      addRow(result.total, true);
      ws.addRow([]).commit();
      const footer = ws.addRow([safeText(`制表人：${preparedBy}        审核人：                负责人：                制表日期：${chineseDate(today)}`)]);
      ws.mergeCells(footer.number, 1, footer.number, width);
      footer.commit();
      await ws.commit();
      await wb.commit();
      return result.rows.length;
    },
  };
}

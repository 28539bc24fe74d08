/** How a report cell reads on screen, on paper and in the drill list: money in 元, 环比 in percent, counts whole. */
import type { ReportColumn } from '../../../shared/api/reports.schemas';
import { formatYuan } from '../../../shared/domain/money';

export type ReportUnit = ReportColumn['unit'];
export type CellValue = number | string | null;

export function formatCell(value: CellValue, unit: ReportUnit): string {
  // An empty text cell (合计 under 村, 备注) stays blank; a missing number is a dash.
  if (value === null) return unit === 'text' ? '' : '—';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'fen':
      return formatYuan(value);
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'text':
      return String(value);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/** What one unit of a drill row counts, for its column header and the total line. */
export const UNIT_NAMES: Record<ReportUnit, { header: string; suffix: string }> = {
  households: { header: '户数', suffix: ' 户' },
  persons: { header: '人数', suffix: ' 人' },
  cases: { header: '人次', suffix: ' 人次' },
  fen: { header: '金额（元）', suffix: ' 元' },
  percent: { header: '比例', suffix: '' },
  text: { header: '内容', suffix: '' },
};

export const isNumericUnit = (unit: ReportUnit): boolean => unit !== 'text';

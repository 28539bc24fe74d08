/** A cell as the clerk sees it, as text: dates as YYYY-MM-DD, whole numbers without exponent, trimmed. */
import { ExcelDate, type CellValue } from '../read/grid';
import { toHalfWidth } from '../../../shared/domain/import/values';

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof ExcelDate) return v.iso;
  if (typeof v === 'boolean') return v ? '是' : '否';
  // JavaScript prints every number below 1e21 in plain digits, so whole numbers never show an exponent.
  return String(v);
}

/** Header and footer words compared without spaces and in half-width. */
export const compact = (v: CellValue | undefined) => toHalfWidth(cellText(v)).replace(/[\s\u3000]+/g, '');

/** The two-level header of a form: neighbouring columns with the same group share one cell above their labels. */
import type { ReportColumn } from '../../../shared/api/reports.schemas';

export interface IndexedColumn {
  column: ReportColumn;
  /** Position in `columns`, which is also the position of its value in every row. */
  index: number;
}

export interface ColumnSegment {
  group: string | null;
  columns: IndexedColumn[];
}

export function groupColumns(columns: readonly ReportColumn[]): ColumnSegment[] {
  const segments: ColumnSegment[] = [];
  columns.forEach((column, index) => {
    const last = segments.at(-1);
    if (column.group !== null && last && last.group === column.group) last.columns.push({ column, index });
    else segments.push({ group: column.group, columns: [{ column, index }] });
  });
  return segments;
}

export const hasGroups = (columns: readonly ReportColumn[]): boolean => columns.some((c) => c.group !== null);

/** The two-level header of a form: neighbouring columns with the same group share one cell above their labels. */
import type { ReportColumn, ReportResult } from '../../../shared/api/reports.schemas';
import { isHouseholdProgram } from '../../../shared/domain/programs';

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

/** The heading of the rows' own column: townships on the forms; on a roster the household head, or the person paid. */
export function rowHeader(result: Pick<ReportResult, 'form' | 'program'>): string {
  if (result.form !== 'payment-roster') return '乡镇（街道）';
  return result.program && isHouseholdProgram(result.program) ? '户主姓名' : '姓名';
}

/** The column's full name where it stands alone (a drill title, a difference): group and label. */
export const columnTitle = (column: Pick<ReportColumn, 'group' | 'label'>): string => (column.group ? `${column.group}·${column.label}` : column.label);

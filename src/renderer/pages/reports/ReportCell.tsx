/**
 * One value of a form. A drillable number is a button that looks like a link and opens the rows behind it;
 * data attributes name the row and column, so tests (and support) can find a cell without reading headers.
 */
import type { ReportColumn } from '../../../shared/api/reports.schemas';
import { columnTitle } from '../../../shared/domain/reports/layout';
import { formatCell, type CellValue } from './format-cell';

export const TOTAL_ROW_KEY = '__total';

export interface DrillTarget {
  rowKey: string;
  rowLabel: string;
  column: ReportColumn;
  value: number;
}

interface Props {
  value: CellValue;
  column: ReportColumn;
  rowKey: string;
  rowLabel: string;
  onDrill: (target: DrillTarget) => void;
}

export function ReportCell({ value, column, rowKey, rowLabel, onDrill }: Props) {
  const text = formatCell(value, column.unit);
  const marks = { 'data-row': rowKey, 'data-column': column.key, 'data-unit': column.unit };
  // Nothing lies behind a zero: it stays plain text.
  if (!column.drillable || typeof value !== 'number' || value === 0) return <span {...marks}>{text}</span>;
  return (
    <button
      type="button"
      className="report-drill"
      {...marks}
      aria-label={`${rowLabel} ${columnTitle(column)} ${text}，查看明细`}
      onClick={() => onDrill({ rowKey, rowLabel, column, value })}
    >
      {text}
    </button>
  );
}

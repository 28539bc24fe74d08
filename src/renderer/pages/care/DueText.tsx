import { Typography } from 'antd';
import type { ChildRow } from '../../../shared/api/care.schemas';

/** How the next visit stands: "逾期 N 天" in red, "还有 N 天" in amber, nothing when on schedule. */
export function dueWords(row: Pick<ChildRow, 'dueState' | 'days' | 'closedOn'>): string | null {
  switch (row.dueState) {
    case 'overdue':
      return `逾期 ${row.days} 天`;
    case 'soon':
      return row.days === 0 ? '今天应访' : `还有 ${row.days} 天`;
    case 'closed':
      return row.closedOn ? `已于 ${row.closedOn} 结案` : '已结案';
    default:
      return null;
  }
}

const TYPES = { overdue: 'danger', soon: 'warning', closed: 'secondary' } as const;

export function DueText({ row }: { row: Pick<ChildRow, 'dueState' | 'days' | 'closedOn'> }) {
  const words = dueWords(row);
  if (!words) return null;
  return <Typography.Text type={row.dueState === 'ok' ? undefined : TYPES[row.dueState]}>{words}</Typography.Text>;
}

/** The due date with its state below it. */
export function DueCell({ row }: { row: ChildRow }) {
  return (
    <div>
      {row.nextDueOn && row.dueState !== 'closed' && <div className="mono">{row.nextDueOn}</div>}
      <DueText row={row} />
    </div>
  );
}

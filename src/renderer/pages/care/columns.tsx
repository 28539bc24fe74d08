import { Typography, type TableColumnsType } from 'antd';
import type { ChildRow } from '../../../shared/api/care.schemas';
import { CHILD_CATEGORY_LABELS, DIFFICULTY_CAUSE_LABELS, GUARDIANSHIP_LABELS } from '../../../shared/domain/care';
import { DueCell } from './DueText';
import { placeOf } from '../../app/format';

const orDash = (value: string | null) => value ?? '—';

/** A child's category, with the cause under it for a 困境儿童. */
export function CategoryText({ row }: { row: Pick<ChildRow, 'category' | 'cause'> }) {
  return (
    <>
      {CHILD_CATEGORY_LABELS[row.category]}
      {row.category === 'in_difficulty' && row.cause && (
        <Typography.Text type="secondary" className="care-cause">
          （{DIFFICULTY_CAUSE_LABELS[row.cause]}）
        </Typography.Text>
      )}
    </>
  );
}

/** The columns of every list of children: the reminders and the ledger. */
export const childColumns: TableColumnsType<ChildRow> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '身份证号', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
  { title: '类别', dataIndex: 'category', width: 150, render: (_: unknown, row) => <CategoryText row={row} /> },
  { title: '监护情况', dataIndex: 'guardianship', width: 100, render: (g: ChildRow['guardianship']) => GUARDIANSHIP_LABELS[g] },
  { title: '乡镇/村', key: 'place', width: 170, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  { title: '儿童主任', dataIndex: 'directorName', width: 90, render: orDash },
  { title: '上次探访', dataIndex: 'lastVisitedOn', width: 110, className: 'mono-cell', render: (on: string | null) => on ?? <span className="muted">未探访</span> },
  { title: '应访日期', dataIndex: 'nextDueOn', width: 140, render: (_: unknown, row) => <DueCell row={row} /> },
];

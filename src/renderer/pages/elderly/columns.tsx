import { Tag, type TableColumnsType } from 'antd';
import type { ElderRow } from '../../../shared/api/elderly.schemas';
import { ELDER_DIFFICULTY_LABELS, type ElderDifficulty } from '../../../shared/domain/elderly';
import { DueText } from '../care/DueText';
import { DIFFICULTY_COLORS } from './elderly-options';
import { placeOf } from '../../app/format';

const orDash = (value: string | null) => value ?? '—';

export function DifficultyTags({ list }: { list: readonly ElderDifficulty[] }) {
  return (
    <span className="elderly-tags">
      {list.map((d) => (
        <Tag key={d} color={DIFFICULTY_COLORS[d]}>
          {ELDER_DIFFICULTY_LABELS[d]}
        </Tag>
      ))}
    </span>
  );
}

/** The due date with its state below it. */
function DueCell({ row }: { row: ElderRow }) {
  return (
    <div>
      {row.nextDueOn && row.dueState !== 'closed' && <div className="mono">{row.nextDueOn}</div>}
      <DueText row={row} />
    </div>
  );
}

/** The columns of every list of elders: the reminders and the file list. */
export const elderColumns: TableColumnsType<ElderRow> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '身份证号', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
  { title: '困难类型', dataIndex: 'difficulties', width: 210, render: (list: ElderDifficulty[]) => <DifficultyTags list={list} /> },
  { title: '乡镇/村', key: 'place', width: 170, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  { title: '联系人', dataIndex: 'contactName', width: 120, ellipsis: true, render: orDash },
  { title: '上次探访', dataIndex: 'lastVisitedOn', width: 110, className: 'mono-cell', render: (on: string | null) => on ?? <span className="muted">未探访</span> },
  { title: '应访日期', dataIndex: 'nextDueOn', width: 140, render: (_: unknown, row) => <DueCell row={row} /> },
];

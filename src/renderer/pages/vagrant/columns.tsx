import { Tag, type TableColumnsType } from 'antd';
import type { RescueRow } from '../../../shared/api/vagrant.schemas';
import { rescueTitle } from '../../../shared/domain/vagrant';
import { outcomeText } from './vagrant-options';

/** Days so far for someone still in the station (a tag), the whole stay once they left. */
export function StayCell({ row }: { row: Pick<RescueRow, 'leftOn' | 'stayDays'> }) {
  return row.leftOn ? <span>{row.stayDays} 天</span> : <Tag color="processing">在站 {row.stayDays} 天</Tag>;
}

export const rescueColumns: TableColumnsType<RescueRow> = [
  { title: '救助编号', dataIndex: 'rescueNo', width: 120, className: 'mono-cell' },
  { title: '姓名', key: 'name', width: 190, render: (_: unknown, row) => rescueTitle(row) },
  { title: '发现日期', dataIndex: 'foundOn', width: 110, className: 'mono-cell' },
  { title: '发现地点', key: 'place', width: 220, ellipsis: true, render: (_: unknown, row) => `${row.townshipName} · ${row.foundPlace}` },
  { title: '入站日期', dataIndex: 'admittedOn', width: 110, className: 'mono-cell' },
  { title: '在站天数', dataIndex: 'stayDays', width: 110, render: (_: unknown, row) => <StayCell row={row} /> },
  { title: '去向', key: 'outcome', width: 240, ellipsis: true, render: (_: unknown, row) => (row.outcome ? outcomeText(row) : <span className="muted">在站</span>) },
];

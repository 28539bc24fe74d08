/**
 * 下月年满80/90/100: who reaches an age line of 高龄津贴 in the month, the 高龄津贴 they hold and what to do.
 * The name opens the household, where the application or the band change (a case) is started.
 */
import { DatePicker, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { TurningRow } from '../../../shared/api/elderly.schemas';
import { ENROLLMENT_STATUS_LABELS, PROGRAM_CATEGORIES } from '../../../shared/domain/programs';
import { chineseMonth } from '../../../shared/domain/dates';
import { useRead } from '../../api/queries';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import type { ElderlyQuery } from './use-elderly-query';
import { placeOf } from '../../app/format';

const ACTION_COLORS: Record<TurningRow['action'], string | undefined> = { apply: 'green', raise: 'orange', none: undefined };

const columns: TableColumnsType<TurningRow> = [
  { title: '姓名', dataIndex: 'name', width: 100, render: (name: string, row) => <Link to={`/ledger/households/${row.householdId}`}>{name}</Link> },
  { title: '身份证号', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '出生日期', dataIndex: 'birthDate', width: 110, className: 'mono-cell' },
  {
    title: '满龄',
    key: 'line',
    width: 170,
    render: (_: unknown, row) => (
      <span>
        <Tag color={row.line === 80 ? 'blue' : row.line === 90 ? 'purple' : 'magenta'}>年满 {row.line} 周岁</Tag>
        <span className="mono">{row.turnsOn}</span>
      </span>
    ),
  },
  { title: '乡镇/村', key: 'place', width: 170, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  {
    title: '现享高龄津贴',
    key: 'enrollment',
    width: 150,
    render: (_: unknown, row) =>
      row.enrollment ? `${row.enrollment.band ? PROGRAM_CATEGORIES.gaoling![row.enrollment.band] : '未定档'}（${ENROLLMENT_STATUS_LABELS[row.enrollment.status]}）` : <span className="muted">未享受</span>,
  },
  { title: '办理建议', key: 'action', width: 150, render: (_: unknown, row) => <Tag color={ACTION_COLORS[row.action]}>{row.actionText}</Tag> },
  { title: '', key: 'open', width: 90, render: (_: unknown, row) => <Link to={`/ledger/households/${row.householdId}`}>查看家庭</Link> },
];

interface Props {
  query: ElderlyQuery;
  update: (patch: Partial<ElderlyQuery>) => void;
  fixedTownshipId: string | null;
}

export function TurningPanel({ query, update, fixedTownshipId }: Props) {
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const list = useRead('elderly.turning', { month: query.month, townshipId }, { keepPrevious: true });
  const data = list.data;
  const month = query.month ?? data?.month;

  return (
    <>
      <div className="ledger-filters">
        <div className="ledger-filters-row">
          <DatePicker
            picker="month"
            format="YYYY-MM"
            aria-label="月份"
            allowClear={false}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(d) => update({ month: d ? d.format('YYYY-MM') : undefined })}
            style={{ width: 140 }}
          />
          {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(id) => update({ townshipId: id })} />}
        </div>
      </div>
      {data && (
        <Typography.Paragraph type="secondary">
          {chineseMonth(data.month)}年满 80、90、100 周岁的在世人员共 {data.rows.length} 人{data.truncated ? '（人数过多，只列出一部分，请按乡镇查看）' : ''}。
          点击姓名进入家庭页面，在那里发起高龄津贴申请或调档。
        </Typography.Paragraph>
      )}
      <Table<TurningRow>
        rowKey="personId"
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '该月没有年满 80、90、100 周岁的人员' }}
      />
    </>
  );
}

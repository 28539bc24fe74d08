/**
 * 心理个案: the psychological-care cases under way (crises first to look at, then by step deadline) and the
 * discharged ones whose follow-up is due within a week or overdue. A row opens its case page.
 */
import { Checkbox, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { useRead } from '../../api/queries';
import { ListSection } from '../../components/care/ListSection';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { DueDate } from '../approvals/DueDate';
import { placeOf } from '../../app/format';

const caseNo = (no: string, row: CaseRow) => (
  <Space size={4}>
    <Link to={`/approvals/${row.id}`} className="mono">
      {no}
    </Link>
    {row.crisis && <Tag color="error">危机</Tag>}
    {row.overdue && <Tag color="warning">超期</Tag>}
  </Space>
);

const openColumns: TableColumnsType<CaseRow> = [
  { title: '案件编号', dataIndex: 'caseNo', width: 170, render: caseNo },
  { title: '儿童', dataIndex: 'subjectName', width: 110 },
  { title: '乡镇/村', key: 'place', width: 160, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  { title: '当前环节', dataIndex: 'stepLabel', width: 110 },
  { title: '环节期限', key: 'due', width: 150, render: (_: unknown, row) => <DueDate due={row.stepDue} days={row.stepDaysLeft} unit={row.stepDueUnit} stacked /> },
  { title: '受理日期', dataIndex: 'openedOn', width: 110, className: 'mono' },
];

/** `today` is the server's: the clock that decides what is due. */
const followColumns = (today: string): TableColumnsType<CaseRow> => [
  { title: '案件编号', dataIndex: 'caseNo', width: 170, render: caseNo },
  { title: '儿童', dataIndex: 'subjectName', width: 110 },
  { title: '乡镇/村', key: 'place', width: 160, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  { title: '结案日期', dataIndex: 'closedAt', width: 110, render: (at: string | null) => at?.slice(0, 10) ?? '—' },
  {
    title: '随访日期',
    dataIndex: 'followUpOn',
    width: 130,
    render: (on: string) => (
      <Typography.Text type={on < today ? 'danger' : undefined} className="mono">
        {on}
      </Typography.Text>
    ),
  },
];

export function CareCasesPanel({ fixedTownshipId }: { fixedTownshipId: string | null }) {
  const [townshipId, setTownshipId] = useState<string | undefined>();
  const [crisisOnly, setCrisisOnly] = useState(false);
  const [page, setPage] = useState(1);
  const scope = fixedTownshipId ? undefined : townshipId;
  const open = useRead('cases.inbox', { tab: 'all', kind: 'psych_care', status: 'open', crisisOnly, townshipId: scope, page, pageSize: 20 }, { keepPrevious: true });
  const follow = useRead('cases.followUpsDue', { withinDays: 7, townshipId: scope });

  return (
    <>
      <Space wrap className="ledger-filters">
        {!fixedTownshipId && <TownshipFilter value={townshipId} onChange={(id) => (setTownshipId(id), setPage(1))} />}
        <Checkbox checked={crisisOnly} onChange={(e) => (setCrisisOnly(e.target.checked), setPage(1))}>
          只看危机个案
        </Checkbox>
        <Typography.Text type="secondary">个案在儿童档案中发起，按“接案审核 → 方案制定 → 服务实施 → 中期评估 → 结案”办理</Typography.Text>
      </Space>
      <ListSection title="进行中的个案" count={<Tag color={(open.data?.total ?? 0) > 0 ? 'processing' : undefined}>{open.data?.total ?? 0} 件</Tag>}>
        <Table<CaseRow>
          rowKey="id"
          size="small"
          columns={openColumns}
          dataSource={open.data?.rows}
          loading={open.isPending}
          pagination={{ current: page, pageSize: 20, total: open.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          scroll={{ x: 810 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={crisisOnly ? '没有危机个案' : '没有进行中的个案'} /> }}
        />
      </ListSection>
      <ListSection title="结案后待随访" count={<Tag color={(follow.data?.length ?? 0) > 0 ? 'warning' : undefined}>{follow.data?.length ?? 0} 件</Tag>} note={<Typography.Text type="secondary">一周内到期及已逾期的随访</Typography.Text>}>
        <Table<CaseRow>
          rowKey="id"
          size="small"
          columns={followColumns(open.data?.today ?? '')}
          dataSource={follow.data}
          loading={follow.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 680 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有到期的随访" /> }}
        />
      </ListSection>
    </>
  );
}

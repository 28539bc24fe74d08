/** 探访提醒: elders whose visit is overdue, and those due within the policy's reminder days. A row opens the file. */
import { Empty, Table, Tag, Typography } from 'antd';
import type { ElderRow } from '../../../shared/api/elderly.schemas';
import { useRead } from '../../api/queries';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { elderColumns, openOnClick } from './columns';
import type { ElderlyQuery } from './use-elderly-query';

interface Props {
  query: ElderlyQuery;
  update: (patch: Partial<ElderlyQuery>) => void;
  fixedTownshipId: string | null;
  onOpen: (personId: string) => void;
}

interface SectionProps {
  title: string;
  color: string;
  rows: ElderRow[];
  /** How many there are; the rows are the most urgent of them when the list is long. */
  total: number;
  loading: boolean;
  empty: string;
  onOpen: (personId: string) => void;
}

function DueSection({ title, color, rows, total, loading, empty, onOpen }: SectionProps) {
  return (
    <section className="elderly-due-section" aria-label={title}>
      <div className="elderly-due-head">
        <Typography.Title level={5} className="elderly-due-title">
          {title}
        </Typography.Title>
        <Tag color={total > 0 ? color : undefined}>{total} 人</Tag>
        {total > rows.length && <Typography.Text type="secondary">此处列出最紧急的 {rows.length} 人，全部可在“特殊困难老年人”中按探访状态筛选</Typography.Text>}
      </div>
      <Table<ElderRow>
        rowKey="personId"
        size="small"
        columns={elderColumns}
        dataSource={rows}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName="clickable-row"
        onRow={openOnClick((row) => onOpen(row.personId))}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      />
    </section>
  );
}

export function ElderDuePanel({ query, update, fixedTownshipId, onOpen }: Props) {
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const due = useRead('elderly.visits.due', { townshipId }, { keepPrevious: true });
  const data = due.data;

  return (
    <>
      {!fixedTownshipId && (
        <div className="ledger-filters">
          <div className="ledger-filters-row">
            <TownshipFilter value={query.townshipId} onChange={(id) => update({ townshipId: id })} />
          </div>
        </div>
      )}
      {data && <Typography.Paragraph type="secondary">今天是 {data.today}。点击一行查看老人档案。</Typography.Paragraph>}
      <DueSection title="已逾期" color="red" rows={data?.overdue ?? []} total={data?.overdueTotal ?? 0} loading={due.isFetching} empty="没有逾期未访的老人" onOpen={onOpen} />
      <DueSection title="近期待访" color="orange" rows={data?.dueSoon ?? []} total={data?.dueSoonTotal ?? 0} loading={due.isFetching} empty="近期没有待访的老人" onOpen={onOpen} />
    </>
  );
}

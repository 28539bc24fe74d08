/** 探访提醒: children whose visit is overdue, and those due within the policy's reminder days. A row opens the file. */
import { Empty, Table, Tag, Typography } from 'antd';
import type { ChildRow } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';
import { CareFilterBar } from './CareFilterBar';
import { childColumns, openOnClick } from './columns';
import type { CareQuery } from './use-care-query';

interface Props {
  query: CareQuery;
  update: (patch: Partial<CareQuery>) => void;
  fixedTownshipId: string | null;
  onOpen: (personId: string) => void;
}

interface SectionProps {
  title: string;
  color: string;
  rows: ChildRow[];
  loading: boolean;
  empty: string;
  onOpen: (personId: string) => void;
}

function DueSection({ title, color, rows, loading, empty, onOpen }: SectionProps) {
  return (
    <section className="care-due-section" aria-label={title}>
      <div className="care-due-head">
        <Typography.Title level={5} className="care-due-title">
          {title}
        </Typography.Title>
        <Tag color={rows.length > 0 ? color : undefined}>{rows.length} 人</Tag>
      </div>
      <Table<ChildRow>
        rowKey="personId"
        size="small"
        columns={childColumns}
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

export function VisitsDuePanel({ query, update, fixedTownshipId, onOpen }: Props) {
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const due = useRead('care.visits.due', { townshipId, directorId: query.directorId }, { keepPrevious: true });
  const data = due.data;

  return (
    <>
      <CareFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} />
      {data && <Typography.Paragraph type="secondary">今天是 {data.today}。点击一行查看儿童档案。</Typography.Paragraph>}
      <DueSection title="已逾期" color="red" rows={data?.overdue ?? []} loading={due.isFetching} empty="没有逾期未访的儿童" onOpen={onOpen} />
      <DueSection title="近期待访" color="orange" rows={data?.dueSoon ?? []} loading={due.isFetching} empty="近期没有待访的儿童" onOpen={onOpen} />
    </>
  );
}

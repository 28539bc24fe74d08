/** 探访提醒: children whose visit is overdue, and those due within the policy's reminder days. A row opens the file. */
import { Typography } from 'antd';
import { useRead } from '../../api/queries';
import { CareFilterBar } from './CareFilterBar';
import { childColumns } from './columns';
import { DueSection } from '../../components/care/DueSection';
import type { CareQuery } from './use-care-query';

interface Props {
  query: CareQuery;
  update: (patch: Partial<CareQuery>) => void;
  fixedTownshipId: string | null;
  onOpen: (personId: string) => void;
}

export function VisitsDuePanel({ query, update, fixedTownshipId, onOpen }: Props) {
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const due = useRead('care.visits.due', { townshipId, directorId: query.directorId }, { keepPrevious: true });
  const data = due.data;

  return (
    <>
      <CareFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} />
      {data && <Typography.Paragraph type="secondary">今天是 {data.today}。点击一行查看儿童档案。</Typography.Paragraph>}
      <DueSection columns={childColumns} fullList="儿童台账" title="已逾期" color="red" rows={data?.overdue ?? []} total={data?.overdueTotal ?? 0} loading={due.isFetching} empty="没有逾期未访的儿童" onOpen={onOpen} />
      <DueSection columns={childColumns} fullList="儿童台账" title="近期待访" color="orange" rows={data?.dueSoon ?? []} total={data?.dueSoonTotal ?? 0} loading={due.isFetching} empty="近期没有待访的儿童" onOpen={onOpen} />
    </>
  );
}

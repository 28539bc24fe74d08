/** 探访提醒: elders whose visit is overdue, and those due within the policy's reminder days. A row opens the file. */
import { Typography } from 'antd';
import { useRead } from '../../api/queries';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { elderColumns } from './columns';
import { DueSection } from '../../components/care/DueSection';
import type { ElderlyQuery } from './use-elderly-query';

interface Props {
  query: ElderlyQuery;
  update: (patch: Partial<ElderlyQuery>) => void;
  fixedTownshipId: string | null;
  onOpen: (personId: string) => void;
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
      <DueSection columns={elderColumns} fullList="特殊困难老年人" title="已逾期" color="red" rows={data?.overdue ?? []} total={data?.overdueTotal ?? 0} loading={due.isFetching} empty="没有逾期未访的老人" onOpen={onOpen} />
      <DueSection columns={elderColumns} fullList="特殊困难老年人" title="近期待访" color="orange" rows={data?.dueSoon ?? []} total={data?.dueSoonTotal ?? 0} loading={due.isFetching} empty="近期没有待访的老人" onOpen={onOpen} />
    </>
  );
}

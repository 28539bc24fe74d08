/**
 * 审批待办: the cases waiting for the user (待办), those they acted on (已办), every case in reach,
 * the delegated confirmations the county reviews (备案审查), and enrollments due for review (复核到期).
 * A page of 50 at a time from the server; cases at the same step can be handled in one batch.
 */
import { Card, Table, Tabs, type TableProps } from 'antd';
import { useState } from 'react';
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { NoticeListButton } from '../print/NoticeListButton';
import { useSignedIn } from '../../session/session-context';
import { ApprovalsFilterBar } from './ApprovalsFilterBar';
import { BatchBar } from './BatchBar';
import { BatchResultModal, type BatchResult } from './BatchResultModal';
import { isCaseWorker } from '../../../shared/domain/roles';
import { caseColumns } from './columns';
import { ReviewsDuePanel } from './ReviewsDuePanel';
import { useApprovalsQuery, type ApprovalsTab } from './use-approvals-query';

const PAGE_SIZE = 50;

const TAB_LABELS: Record<ApprovalsTab, string> = { todo: '待办', done: '已办', all: '全部案件', filing: '备案审查', reviews: '复核到期' };

const EMPTY: Record<Exclude<ApprovalsTab, 'reviews'>, string> = {
  todo: '没有等待您办理的案件',
  done: '您还没有办理过案件',
  all: '没有案件',
  filing: '没有待备案审查的案件',
};

export function ApprovalsPage() {
  const { user } = useSignedIn();
  const [query, update, tabs] = useApprovalsQuery(user.role);
  const [selected, setSelected] = useState<CaseRow[]>([]);
  const [results, setResults] = useState<BatchResult[] | null>(null);
  const countyWide = user.role !== 'township_clerk';
  const { tab } = query;
  const inboxTab = tab === 'reviews' ? null : tab;
  const inbox = useRead(
    'cases.inbox',
    {
      tab: inboxTab ?? 'all',
      kind: query.kind,
      townshipId: countyWide ? query.townshipId : undefined,
      overdueOnly: query.overdueOnly,
      q: query.q,
      page: query.page,
      pageSize: PAGE_SIZE,
    },
    { enabled: inboxTab !== null, keepPrevious: true },
  );

  // A selection belongs to the rows it was made on: a new tab, filter or page starts without one.
  const change = (patch: Parameters<typeof update>[0]) => {
    setSelected([]);
    update(patch);
  };

  const data = inbox.data;
  const filtered = Boolean(query.kind || query.q || query.overdueOnly || query.townshipId);
  const selectable = tab === 'todo' && isCaseWorker(user.role);
  const rowSelection: TableProps<CaseRow>['rowSelection'] = selectable
    ? {
        selectedRowKeys: selected.map((r) => r.id),
        onChange: (_keys, rows) => setSelected(rows),
        getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.caseNo}` }),
      }
    : undefined;

  return (
    <>
      <PageTitle title="审批待办" note="救助申请的受理、调查、审核和确认，按环节期限提醒；点击案件编号办理" extra={<NoticeListButton townshipId={user.townshipId ?? undefined} />} />
      <Card className="ledger-card">
        <Tabs
          activeKey={tab}
          onChange={(key) => change({ tab: key as ApprovalsTab })}
          items={tabs.map((key) => ({ key, label: TAB_LABELS[key] }))}
          tabBarExtraContent={inboxTab && data ? <span className="table-count">共 {data.total.toLocaleString('en-US')} 件</span> : null}
        />
        {inboxTab ? (
          <>
            <ApprovalsFilterBar query={query} update={change} showTownship={countyWide} />
            {selectable && selected.length > 0 && (
              <BatchBar
                key={selected.map((r) => `${r.kind}/${r.step}`).sort().join()}
                rows={selected}
                onClear={() => setSelected([])}
                onDone={(answer) => {
                  setSelected([]);
                  setResults(answer);
                }}
              />
            )}
            <Table<CaseRow>
              rowKey="id"
              size="middle"
              columns={caseColumns(tab === 'done')}
              dataSource={data?.rows ?? []}
              loading={inbox.isFetching}
              rowSelection={rowSelection}
              pagination={{
                current: query.page,
                pageSize: PAGE_SIZE,
                total: data?.total ?? 0,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (page) => change({ page }),
              }}
              scroll={{ x: tab === 'done' ? 1190 : 1050 }}
              locale={{ emptyText: filtered ? '没有符合条件的案件' : EMPTY[inboxTab] }}
            />
          </>
        ) : (
          <ReviewsDuePanel
            within={query.within}
            onWithin={(within) => update({ within })}
            townshipId={countyWide ? query.townshipId : undefined}
            canStart={isCaseWorker(user.role)}
          />
        )}
      </Card>
      <BatchResultModal results={results} onClose={() => setResults(null)} />
    </>
  );
}

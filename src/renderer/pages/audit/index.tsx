/**
 * The audit log, newest first, loaded a page at a time; each entry expands to its before/after
 * snapshots. The integrity check verifies the hash chain of the whole log.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import type { AuditEntry } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { formatDateTimeSeconds } from '../../app/format';
import { PageTitle } from '../../components/PageTitle';
import { AuditDetail } from './AuditDetail';
import { actionLabel, actorLabel, hasSnapshot, targetLabel } from './describe';
import { VerifyPanel } from './VerifyPanel';

const PAGE_SIZE = 100;

const columns: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 80, align: 'right' },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTimeSeconds(at) },
  { title: '用户', dataIndex: 'username', width: 130, render: (u: string | null) => actorLabel(u) },
  { title: '操作', dataIndex: 'action', width: 200, render: (a: string) => actionLabel(a) },
  { title: '对象', key: 'target', ellipsis: true, render: (_: unknown, row) => targetLabel(row) },
];

export function AuditPage() {
  const audit = useInfiniteQuery({
    queryKey: ['audit.list', 'pages'],
    queryFn: ({ pageParam }) => call('audit.list', { limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { beforeSeq: pageParam }) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.entries.length, 0);
      const tail = last.entries.at(-1);
      return tail && loaded < last.total && tail.seq > 1 ? tail.seq : undefined;
    },
  });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = audit.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageTitle title="审计日志" note="台账的每一次改动都留有记录，记录首尾相扣，删改任何一条都能被发现" />
      <Card size="small" className="verify-card">
        <VerifyPanel />
      </Card>
      <Card>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={entries}
          loading={audit.isPending}
          pagination={false}
          expandable={{ rowExpandable: hasSnapshot, expandedRowRender: (row) => <AuditDetail entry={row} /> }}
          locale={{ emptyText: '没有审计记录' }}
        />
        <div className="load-more">
          <span className="table-count">
            已显示 {entries.length} 条，共 {total} 条
          </span>
          {audit.hasNextPage && (
            <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              加载更多
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}

/**
 * The audit log as an inspector searches it: who did what to which record, when and why, filtered and paged
 * by the server (newest first, the filter and page in the address); each entry expands to its states
 * before and after. The chain can be verified, and the filtered entries exported for inspectors.
 */
import { Card, Table } from 'antd';
import { useMemo } from 'react';
import type { AuditEntry } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { tablePagination } from '../../app/address-query';
import { PageTitle } from '../../components/PageTitle';
import { AuditDetail } from './AuditDetail';
import { AuditFilterBar } from './AuditFilterBar';
import { auditColumns } from './columns';
import { hasSnapshot } from './describe';
import { ExportButton } from './ExportButton';
import { filterOf, isFiltered, useAuditQuery } from './use-audit-query';
import { VerifyPanel } from './VerifyPanel';
import './audit.css';

export function AuditPage() {
  const [query, update] = useAuditQuery();
  const users = useRead('users.list', {});
  const displayNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.username, u.displayName])), [users.data]);
  const columns = useMemo(() => auditColumns(displayNames), [displayNames]);
  const filter = filterOf(query);
  const list = useRead('audit.list', { ...filter, page: query.page, limit: query.pageSize }, { keepPrevious: true });
  const data = list.data;

  return (
    <>
      <PageTitle title="审计日志" note="台账的每一次改动都留有记录，记录首尾相扣，删改任何一条都能被发现" />
      <Card size="small" className="verify-card">
        <VerifyPanel />
      </Card>
      <Card>
        <div className="table-toolbar">
          <span className="table-count">{data && `共 ${data.total.toLocaleString('en-US')} 条`}</span>
          <ExportButton filter={filter} disabled={!data || data.total === 0} />
        </div>
        <AuditFilterBar query={query} update={update} users={users.data ?? []} displayNames={displayNames} />
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={data?.entries ?? []}
          loading={list.isFetching}
          pagination={tablePagination(query, data?.total, update)}
          expandable={{
            rowExpandable: (row) => hasSnapshot(row) || Boolean(row.entityId || row.reason),
            expandedRowRender: (row) => <AuditDetail entry={row} onRecord={(recordId) => update({ recordId })} />,
          }}
          locale={{ emptyText: isFiltered(query) ? '没有符合条件的审计记录' : '没有审计记录' }}
        />
      </Card>
    </>
  );
}

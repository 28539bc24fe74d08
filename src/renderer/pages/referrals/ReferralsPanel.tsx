/** 转介记录: every referral within reach, overdue first, filtered and paged by the server. */
import { Table, Typography } from 'antd';
import { useState } from 'react';
import type { ReferralRow } from '../../../shared/api/referrals.schemas';
import { useRead } from '../../api/queries';
import { ListToolbar } from '../../components/ListToolbar';
import { referralColumns } from './columns';
import { openOnClick } from '../../components/open-on-click';
import { ReferralFilterBar } from './ReferralFilterBar';
import { ReferralModal } from './ReferralModal';
import { type ReferralQuery } from './use-referral-query';
import { tablePagination } from '../../app/address-query';

interface Props {
  query: ReferralQuery;
  update: (patch: Partial<ReferralQuery>) => void;
  fixedTownshipId: string | null;
  canCreate: boolean;
  onOpen: (id: string) => void;
}

export function ReferralsPanel({ query, update, fixedTownshipId, canCreate, onOpen }: Props) {
  const [creating, setCreating] = useState(false);
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  // Undefined fields leave both the wire and the query key.
  const filter = { townshipId, status: query.status, needKind: query.needKind, q: query.q };
  const list = useRead('referrals.list', { ...filter, page: query.page, pageSize: query.pageSize }, { keepPrevious: true });
  const data = list.data;
  const filtered = Object.values(filter).some((v) => v !== undefined);

  return (
    <>
      <ListToolbar addText={canCreate && '新建转介'} onAdd={() => setCreating(true)}>
        <span className="table-count">
          {data && `共 ${data.total.toLocaleString('en-US')} 条`}
          {data && data.overdueTotal > 0 && (
            <Typography.Link type="danger" className="referral-overdue-link" onClick={() => update({ status: 'overdue' })}>
              其中已逾期 {data.overdueTotal} 条
            </Typography.Link>
          )}
        </span>
      </ListToolbar>
      <ReferralFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} />
      <Table<ReferralRow>
        rowKey="id"
        size="middle"
        columns={referralColumns}
        dataSource={data?.rows ?? []}
        loading={list.isFetching}
        pagination={tablePagination(query, data?.total, update)}
        rowClassName={(row) => (row.overdue ? 'clickable-row referral-overdue-row' : 'clickable-row')}
        onRow={openOnClick((row) => onOpen(row.id))}
        scroll={{ x: 1250 }}
        locale={{ emptyText: filtered ? '没有符合条件的转介记录' : canCreate ? '还没有转介记录，请点击“新建转介”' : '还没有转介记录' }}
      />
      {canCreate && <ReferralModal open={creating} onClose={() => setCreating(false)} onCreated={onOpen} />}
    </>
  );
}

/** 救助记录: every record within reach, filtered and paged by the server; the clerks register new ones. */
import { Table } from 'antd';
import { useState } from 'react';
import type { RescueRow } from '../../../shared/api/vagrant.schemas';
import { useRead } from '../../api/queries';
import { ListToolbar } from '../../components/ListToolbar';
import { rescueColumns } from './columns';
import { openOnClick } from '../../components/open-on-click';
import { RescueFilterBar } from './RescueFilterBar';
import { RescueFormModal } from './RescueFormModal';
import { type VagrantQuery } from './use-vagrant-query';
import { tablePagination } from '../../app/address-query';

interface Props {
  query: VagrantQuery;
  update: (patch: Partial<VagrantQuery>) => void;
  fixedTownshipId: string | null;
  canRegister: boolean;
  onOpen: (id: string) => void;
}

export function RescuesPanel({ query, update, fixedTownshipId, canRegister, onOpen }: Props) {
  const [creating, setCreating] = useState(false);
  // Undefined fields leave both the wire and the query key.
  const filter = { townshipId: fixedTownshipId ? undefined : query.townshipId, month: query.month, state: query.state, q: query.q };
  const list = useRead('vagrant.list', { ...filter, page: query.page, pageSize: query.pageSize }, { keepPrevious: true });
  const data = list.data;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const emptyText = filtered ? '没有符合条件的救助记录' : canRegister ? '还没有救助记录，请点击“新建救助记录”' : '还没有救助记录';

  return (
    <>
      <ListToolbar addText={canRegister && '新建救助记录'} onAdd={() => setCreating(true)}>
        <span className="table-count">{data ? `共 ${data.total.toLocaleString('en-US')} 条` : ''}</span>
      </ListToolbar>
      <RescueFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} />
      <Table<RescueRow>
        rowKey="id"
        size="middle"
        columns={rescueColumns}
        dataSource={data?.rows ?? []}
        loading={list.isFetching}
        pagination={tablePagination(query, data?.total, update)}
        rowClassName="clickable-row"
        onRow={openOnClick((row) => onOpen(row.id))}
        scroll={{ x: 1100 }}
        locale={{ emptyText }}
      />
      {canRegister && (
        <RescueFormModal
          open={creating}
          record={null}
          fixedTownshipId={fixedTownshipId}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      )}
    </>
  );
}

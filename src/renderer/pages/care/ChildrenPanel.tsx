/** 儿童台账: every child file within reach, filtered and paged by the server; care workers register new ones. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import type { ChildRow } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';
import { CareFilterBar } from './CareFilterBar';
import { childColumns } from './columns';
import { openOnClick } from '../../components/open-on-click';
import { RegisterModal } from './RegisterModal';
import { type CareQuery } from './use-care-query';
import { tablePagination } from '../../app/address-query';

interface Props {
  query: CareQuery;
  update: (patch: Partial<CareQuery>) => void;
  fixedTownshipId: string | null;
  canRegister: boolean;
  onOpen: (personId: string) => void;
}

export function ChildrenPanel({ query, update, fixedTownshipId, canRegister, onOpen }: Props) {
  const [registering, setRegistering] = useState(false);
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  // Undefined fields leave both the wire and the query key.
  const filter = { townshipId, directorId: query.directorId, category: query.category, dueState: query.dueState, q: query.q };
  const list = useRead('care.children.list', { ...filter, page: query.page, pageSize: query.pageSize }, { keepPrevious: true });
  const data = list.data;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const emptyText = filtered ? '没有符合条件的儿童' : canRegister ? '儿童台账中还没有儿童，请点击“登记儿童”' : '儿童台账中还没有儿童';

  return (
    <>
      <div className="table-toolbar">
        <span className="table-count">{data ? `共 ${data.total.toLocaleString('en-US')} 人` : ''}</span>
        {canRegister && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记儿童
          </Button>
        )}
      </div>
      <CareFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} full />
      <Table<ChildRow>
        rowKey="personId"
        size="middle"
        columns={childColumns}
        dataSource={data?.rows ?? []}
        loading={list.isFetching}
        pagination={tablePagination(query, data?.total, update)}
        rowClassName="clickable-row"
        onRow={openOnClick((row) => onOpen(row.personId))}
        scroll={{ x: 1100 }}
        locale={{ emptyText }}
      />
      {canRegister && (
        <RegisterModal
          open={registering}
          onClose={() => setRegistering(false)}
          onRegistered={(personId) => {
            setRegistering(false);
            onOpen(personId);
          }}
        />
      )}
    </>
  );
}

/** 儿童台账: every child file within reach, filtered and paged by the server; care workers register new ones. */
import { useState } from 'react';
import type { ChildRow } from '../../../shared/api/care.schemas';
import { useRead } from '../../api/queries';
import { FileListTable } from '../../components/care/FileListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { CareFilterBar } from './CareFilterBar';
import { childColumns } from './columns';
import { RegisterModal } from './RegisterModal';
import { type CareQuery } from './use-care-query';

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
      <ListToolbar addText={canRegister && '登记儿童'} onAdd={() => setRegistering(true)}>
        <span className="table-count">{data ? `共 ${data.total.toLocaleString('en-US')} 人` : ''}</span>
      </ListToolbar>
      <CareFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} full />
      <FileListTable<ChildRow> columns={childColumns} page={data} loading={list.isFetching} query={query} update={update} emptyText={emptyText} onOpen={onOpen} />
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

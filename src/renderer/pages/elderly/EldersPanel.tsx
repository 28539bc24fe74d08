/** 特殊困难老年人: every file within reach, filtered and paged by the server; care workers register new ones. */
import { useState } from 'react';
import type { ElderRow } from '../../../shared/api/elderly.schemas';
import { useRead } from '../../api/queries';
import { FileListTable } from '../../components/care/FileListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { elderColumns } from './columns';
import { DIFFICULTY_OPTIONS, DUE_STATE_OPTIONS } from './elderly-options';
import { RegisterElderModal } from './RegisterElderModal';
import { type ElderlyQuery } from './use-elderly-query';

interface Props {
  query: ElderlyQuery;
  update: (patch: Partial<ElderlyQuery>) => void;
  fixedTownshipId: string | null;
  canRegister: boolean;
  onOpen: (personId: string) => void;
}

export function EldersPanel({ query, update, fixedTownshipId, canRegister, onOpen }: Props) {
  const [registering, setRegistering] = useState(false);
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  // Undefined fields leave both the wire and the query key.
  const filter = { townshipId, state: query.dueState, difficulty: query.difficulty, q: query.q };
  const list = useRead('elderly.elders.list', { ...filter, page: query.page, pageSize: query.pageSize }, { keepPrevious: true });
  const data = list.data;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const emptyText = filtered ? '没有符合条件的老人' : canRegister ? '台账中还没有特殊困难老年人，请点击“登记老人”' : '台账中还没有特殊困难老年人';

  return (
    <>
      <ListToolbar addText={canRegister && '登记老人'} onAdd={() => setRegistering(true)}>
        <span className="table-count">{data ? `共 ${data.total.toLocaleString('en-US')} 人` : ''}</span>
      </ListToolbar>
      <FilterBar filtered={filtered} onClear={() => update({ townshipId: undefined, dueState: undefined, difficulty: undefined, q: undefined })}>
        <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="姓名、拼音首字母或身份证号" className="elderly-search" />
        {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(id) => update({ townshipId: id })} />}
        <FilterSelect label="困难类型" placeholder="全部困难类型" options={DIFFICULTY_OPTIONS} value={query.difficulty} onChange={(difficulty) => update({ difficulty })} width="wide" />
        <FilterSelect label="探访状态" placeholder="全部状态" options={DUE_STATE_OPTIONS} value={query.dueState} onChange={(dueState) => update({ dueState })} width="narrow" />
      </FilterBar>
      <FileListTable<ElderRow> columns={elderColumns} page={data} loading={list.isFetching} query={query} update={update} emptyText={emptyText} onOpen={onOpen} />
      {canRegister && (
        <RegisterElderModal
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

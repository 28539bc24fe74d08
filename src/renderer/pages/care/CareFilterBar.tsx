/** Filters of the reminders and the child ledger: township (county roles), 儿童主任, and for the ledger category, state and a search box. */
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { CATEGORY_OPTIONS, DUE_STATE_OPTIONS } from './care-options';
import { DirectorFilter } from './DirectorSelect';
import type { CareQuery } from './use-care-query';

interface Props {
  query: CareQuery;
  update: (patch: Partial<CareQuery>) => void;
  /** A township clerk's own township: the township filter is then not offered. */
  fixedTownshipId: string | null;
  /** The ledger's own filters (category, state, search) besides township and director. */
  full?: boolean;
}

export function CareFilterBar({ query, update, fixedTownshipId, full }: Props) {
  const filtered = Boolean(query.directorId || (!fixedTownshipId && query.townshipId) || (full && (query.category || query.dueState || query.q)));

  return (
    <FilterBar filtered={filtered} onClear={() => update({ townshipId: undefined, directorId: undefined, category: undefined, dueState: undefined, q: undefined })}>
      {full && <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="姓名或身份证号码（全部或后几位）" className="care-search" />}
      {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />}
      <DirectorFilter townshipId={fixedTownshipId ?? query.townshipId} value={query.directorId} onChange={(directorId) => update({ directorId })} className="ledger-filter-select wide" />
      {full && (
        <>
          <FilterSelect label="儿童类别" placeholder="全部类别" options={CATEGORY_OPTIONS} value={query.category} onChange={(category) => update({ category })} width="wide" />
          <FilterSelect label="探访状态" placeholder="全部状态" options={DUE_STATE_OPTIONS} value={query.dueState} onChange={(dueState) => update({ dueState })} width="narrow" />
        </>
      )}
    </FilterBar>
  );
}

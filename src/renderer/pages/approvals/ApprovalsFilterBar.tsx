/** The case list's filters: kind, township (county-wide users), overdue only, and a search box that waits for a pause. */
import { Checkbox } from 'antd';
import { useState } from 'react';
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { KIND_OPTIONS } from './kind-options';
import type { ApprovalsQuery } from './use-approvals-query';

interface Props {
  query: ApprovalsQuery;
  update: (patch: Partial<ApprovalsQuery>) => void;
  /** A township clerk sees only their township: no township filter then. */
  showTownship: boolean;
}

export function ApprovalsFilterBar({ query, update, showTownship }: Props) {
  // Shown at once: the address (and so the query) changes in a transition, a moment later.
  const [overdueOnly, setOverdueOnly] = useState(query.overdueOnly === true);
  const filtered = Boolean(query.q || query.kind || query.overdueOnly || (showTownship && query.townshipId));

  const clear = () => {
    setOverdueOnly(false);
    update({ q: undefined, kind: undefined, townshipId: undefined, overdueOnly: undefined });
  };

  return (
    <FilterBar filtered={filtered} onClear={clear}>
      <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="申请人姓名或案件编号" className="ledger-search" />
      <FilterSelect label="案件类型" placeholder="全部类型" options={KIND_OPTIONS} value={query.kind} onChange={(kind) => update({ kind })} width="wide" wideOptions />
      {showTownship && <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />}
      <Checkbox
        checked={overdueOnly}
        onChange={(e) => {
          setOverdueOnly(e.target.checked);
          update({ overdueOnly: e.target.checked || undefined });
        }}
      >
        仅看超期
      </Checkbox>
    </FilterBar>
  );
}

/** Filters of the referral list: a search box, township (county roles), status (已逾期 among them) and need kind. */
import { Button, Select } from 'antd';
import { useState } from 'react';
import { SearchBox } from '../../components/ledger/SearchBox';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { NEED_KIND_OPTIONS, STATUS_FILTER_OPTIONS } from './referral-options';
import type { ReferralQuery } from './use-referral-query';

interface Props {
  query: ReferralQuery;
  update: (patch: Partial<ReferralQuery>) => void;
  /** A township clerk's own township: the township filter is then not offered. */
  fixedTownshipId: string | null;
}

export function ReferralFilterBar({ query, update, fixedTownshipId }: Props) {
  // Clearing remounts the search box empty (the address, and so query.q, follows a moment later).
  const [searches, setSearches] = useState(0);
  const filtered = Boolean((!fixedTownshipId && query.townshipId) || query.status || query.needKind || query.q);

  const clear = () => {
    setSearches((n) => n + 1);
    update({ townshipId: undefined, status: undefined, needKind: undefined, q: undefined });
  };

  return (
    <div className="ledger-filters">
      <div className="ledger-filters-row">
        <SearchBox key={searches} initial={searches === 0 ? query.q : undefined} onSearch={(q) => update({ q })} placeholder="对象姓名、拼音首字母或身份证号码" className="referral-search" />
        {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />}
        <Select aria-label="状态" placeholder="全部状态" options={STATUS_FILTER_OPTIONS} value={query.status} onChange={(status) => update({ status })} allowClear className="ledger-filter-select" />
        <Select aria-label="需求类别" placeholder="全部需求类别" options={NEED_KIND_OPTIONS} value={query.needKind} onChange={(needKind) => update({ needKind })} allowClear className="ledger-filter-select" />
        {filtered && (
          <Button type="link" onClick={clear}>
            清除筛选
          </Button>
        )}
      </div>
    </div>
  );
}

/** Filters of the referral list: a search box, township (county roles), status (已逾期 among them) and need kind. */
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
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
  const filtered = Boolean((!fixedTownshipId && query.townshipId) || query.status || query.needKind || query.q);

  return (
    <FilterBar filtered={filtered} onClear={() => update({ townshipId: undefined, status: undefined, needKind: undefined, q: undefined })}>
      <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="对象姓名、拼音首字母或身份证号码" className="referral-search" />
      {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />}
      <FilterSelect label="状态" placeholder="全部状态" options={STATUS_FILTER_OPTIONS} value={query.status} onChange={(status) => update({ status })} />
      <FilterSelect label="需求类别" placeholder="全部需求类别" options={NEED_KIND_OPTIONS} value={query.needKind} onChange={(needKind) => update({ needKind })} />
    </FilterBar>
  );
}

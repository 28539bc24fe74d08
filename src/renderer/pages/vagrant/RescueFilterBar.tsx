/** Filters of the rescue records: search, 在站/已离站, month of admission and township (county roles). */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { RescueState } from '../../../shared/domain/vagrant';
import { FilterBar, FilterSearch, FilterSelect } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import type { VagrantQuery } from './use-vagrant-query';
import { STATE_OPTIONS } from './vagrant-options';

interface Props {
  query: VagrantQuery;
  update: (patch: Partial<VagrantQuery>) => void;
  /** A township clerk's own township: the township filter is then not offered. */
  fixedTownshipId: string | null;
}

export function RescueFilterBar({ query, update, fixedTownshipId }: Props) {
  const filtered = Boolean(query.state || query.month || query.q || (!fixedTownshipId && query.townshipId));

  return (
    <FilterBar filtered={filtered} onClear={() => update({ townshipId: undefined, month: undefined, state: undefined, q: undefined })}>
      <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="姓名、身份证号码、救助编号或发现地点" className="vagrant-search" />
      <FilterSelect<RescueState> label="在站情况" placeholder="在站和已离站" options={STATE_OPTIONS} value={query.state} onChange={(state) => update({ state })} width="narrow" />
      <DatePicker
        aria-label="入站月份"
        picker="month"
        format="YYYY年M月"
        placeholder="全部月份"
        value={query.month ? dayjs(`${query.month}-01`) : null}
        onChange={(day: Dayjs | null) => update({ month: day ? day.format('YYYY-MM') : undefined })}
        disabledDate={(day) => day.isAfter(dayjs(), 'month')}
        className="vagrant-month"
      />
      {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />}
    </FilterBar>
  );
}

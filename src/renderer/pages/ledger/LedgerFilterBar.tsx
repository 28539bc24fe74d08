/** One search box and the filters of the ledger list; typing waits for a pause before asking. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { ENROLLMENT_STATUSES, ENROLLMENT_STATUS_LABELS, PROGRAM_CATEGORIES, PROGRAM_LABELS, PROGRAMS } from '../../../shared/domain/programs';
import { useDebouncedCallback } from '../../app/use-debounced-callback';
import { FilterSelect } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { VillageSelect } from '../../components/ledger/VillageSelect';
import type { LedgerQuery } from './use-ledger-query';

const PROGRAM_OPTIONS = PROGRAMS.map((p) => ({ value: p, label: PROGRAM_LABELS[p] }));
const STATUS_OPTIONS = ENROLLMENT_STATUSES.map((s) => ({ value: s, label: ENROLLMENT_STATUS_LABELS[s] }));

export const SEARCH_PLACEHOLDER = '姓名、拼音首字母（如 zs）或身份证号码（前几位或后几位）';

interface Props {
  query: LedgerQuery;
  update: (patch: Partial<LedgerQuery>) => void;
  /** A township clerk's own township: the township filter is then not offered. */
  fixedTownshipId: string | null;
}

type Typed = { q: string; ageMin: number | null; ageMax: number | null };

export function LedgerFilterBar({ query, update, fixedTownshipId }: Props) {
  const [typed, setTyped] = useState<Typed>({ q: query.q ?? '', ageMin: query.ageMin ?? null, ageMax: query.ageMax ?? null });
  const commit = useDebouncedCallback((next: Typed) => update({ q: next.q.trim() || undefined, ageMin: next.ageMin ?? undefined, ageMax: next.ageMax ?? undefined }));
  const type = (patch: Partial<Typed>) => {
    const next = { ...typed, ...patch };
    setTyped(next);
    commit.run(next);
  };

  const categories = query.program ? PROGRAM_CATEGORIES[query.program] : undefined;
  const categoryOptions = categories ? Object.entries(categories).map(([value, label]) => ({ value, label })) : [];
  const filtered =
    Boolean(query.q || query.villageId || query.program || query.status || query.category) ||
    (query.townshipId !== undefined && !fixedTownshipId) ||
    query.ageMin !== undefined ||
    query.ageMax !== undefined;

  const clear = () => {
    commit.cancel();
    setTyped({ q: '', ageMin: null, ageMax: null });
    update({ q: undefined, townshipId: undefined, villageId: undefined, program: undefined, status: undefined, category: undefined, ageMin: undefined, ageMax: undefined });
  };

  return (
    <div className="ledger-filters">
      <div className="ledger-filters-row">
        <Input
          aria-label="搜索"
          placeholder={SEARCH_PLACEHOLDER}
          prefix={<SearchOutlined />}
          allowClear
          value={typed.q}
          onChange={(e) => type({ q: e.target.value })}
          onPressEnter={() => {
            commit.cancel();
            update({ q: typed.q.trim() || undefined });
          }}
          maxLength={30}
          className="ledger-search"
        />
        {filtered && (
          <Button type="link" onClick={clear}>
            清除筛选
          </Button>
        )}
      </div>
      <div className="ledger-filters-row">
        {!fixedTownshipId && (
          <TownshipFilter value={query.townshipId} onChange={(townshipId) => update({ townshipId })} />
        )}
        <VillageSelect
          aria-label="村（社区）"
          placeholder="全部村（社区）"
          idlePlaceholder="全部村（社区）"
          townshipId={fixedTownshipId ?? query.townshipId}
          value={query.villageId}
          onChange={(villageId) => update({ villageId: villageId ?? undefined })}
          className="ledger-filter-select"
        />
        <FilterSelect label="保障项目" placeholder="全部保障项目" options={PROGRAM_OPTIONS} value={query.program} onChange={(program) => update({ program })} width="wide" />
        <FilterSelect label="状态" placeholder={query.program ? '在保及渐退' : '全部状态'} options={STATUS_OPTIONS} value={query.status} onChange={(status) => update({ status })} width="narrow" />
        {categories && (
          <FilterSelect label="类别" placeholder="全部类别" options={categoryOptions} value={query.category} onChange={(category) => update({ category })} />
        )}
        <span className="ledger-age">
          <span className="ledger-age-label">年龄</span>
          <InputNumber aria-label="年龄从" min={0} max={130} precision={0} value={typed.ageMin} onChange={(ageMin) => type({ ageMin })} placeholder="从" />
          <span>–</span>
          <InputNumber aria-label="年龄到" min={0} max={130} precision={0} value={typed.ageMax} onChange={(ageMax) => type({ ageMax })} placeholder="到" />
          <span className="ledger-age-label">岁</span>
        </span>
      </div>
    </div>
  );
}

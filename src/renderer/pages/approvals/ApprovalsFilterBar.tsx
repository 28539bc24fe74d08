/** The case list's filters: kind, township (county-wide users), overdue only, and a search box that waits for a pause. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select } from 'antd';
import { useState } from 'react';
import { useDebouncedCallback } from '../../app/use-debounced-callback';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { KIND_OPTIONS } from './kind-options';
import type { ApprovalsQuery } from './use-approvals-query';

interface Props {
  query: ApprovalsQuery;
  update: (patch: Partial<ApprovalsQuery>) => void;
  /** A township clerk sees only their township: no township filter then. */
  showTownship: boolean;
}

export function ApprovalsFilterBar({ query, update, showTownship }: Props) {
  const [typed, setTyped] = useState(query.q ?? '');
  // Shown at once: the address (and so the query) changes in a transition, a moment later.
  const [overdueOnly, setOverdueOnly] = useState(query.overdueOnly === true);
  const commit = useDebouncedCallback((q: string) => update({ q: q.trim() || undefined }));
  const filtered = Boolean(query.q || query.kind || query.overdueOnly || (showTownship && query.townshipId));

  const clear = () => {
    commit.cancel();
    setTyped('');
    setOverdueOnly(false);
    update({ q: undefined, kind: undefined, townshipId: undefined, overdueOnly: undefined });
  };

  return (
    <div className="ledger-filters">
      <div className="ledger-filters-row">
        <Input
          aria-label="搜索"
          placeholder="申请人姓名或案件编号"
          prefix={<SearchOutlined />}
          allowClear
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            commit.run(e.target.value);
          }}
          onPressEnter={() => {
            commit.cancel();
            update({ q: typed.trim() || undefined });
          }}
          maxLength={30}
          className="ledger-search"
        />
        <Select
          aria-label="案件类型"
          placeholder="全部类型"
          options={KIND_OPTIONS}
          value={query.kind}
          onChange={(kind) => update({ kind })}
          allowClear
          popupMatchSelectWidth={false}
          className="ledger-filter-select wide"
        />
        {showTownship && (
          <TownshipSelect
            aria-label="乡镇（街道）"
            placeholder="全部乡镇（街道）"
            value={query.townshipId}
            onChange={(townshipId) => update({ townshipId })}
            allowClear
            includeInactive
            className="ledger-filter-select"
          />
        )}
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.target.checked);
            update({ overdueOnly: e.target.checked || undefined });
          }}
        >
          仅看超期
        </Checkbox>
        {filtered && (
          <Button type="link" onClick={clear}>
            清除筛选
          </Button>
        )}
      </div>
    </div>
  );
}

/**
 * A list's filters in a row (a row above for lists with many), ending in 清除筛选 while any is set. The
 * list's SearchBox goes in as <FilterSearch>: clearing remounts it empty, since its text is its own and the
 * address, and so the query, follows a moment later.
 */
import { Button, Select } from 'antd';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { SearchBox } from './SearchBox';

/** How many times the filters were cleared: the search box's key. */
const Clears = createContext(0);

interface Props {
  /** Whether any filter is set: 清除筛选 is then offered. */
  filtered: boolean;
  /** Sets every filter back; the search box empties itself. */
  onClear: () => void;
  /** A first row of filters, for lists with many. */
  above?: ReactNode;
  children: ReactNode;
}

export function FilterBar({ filtered, onClear, above, children }: Props) {
  const [clears, setClears] = useState(0);
  const clear = () => {
    setClears((n) => n + 1);
    onClear();
  };
  return (
    <div className="ledger-filters">
      {above && <div className="ledger-filters-row">{above}</div>}
      <div className="ledger-filters-row">
        <Clears value={clears}>{children}</Clears>
        {filtered && (
          <Button type="link" onClick={clear}>
            清除筛选
          </Button>
        )}
      </div>
    </div>
  );
}

interface SearchProps {
  /** The search in force (from the address). */
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  className?: string;
}

/** The search box of a FilterBar. */
export function FilterSearch({ q, onSearch, placeholder, className }: SearchProps) {
  const clears = useContext(Clears);
  return <SearchBox key={clears} initial={clears === 0 ? q : undefined} onSearch={onSearch} placeholder={placeholder} className={className} />;
}

interface SelectProps<T extends string> {
  /** The filter's name, for screen readers and tests. */
  label: string;
  /** What no choice means (全部…). */
  placeholder: string;
  options: { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  width?: 'narrow' | 'wide';
  /** Long lists (users, record kinds) are searched by their text. */
  searchable?: boolean;
  /** Options wider than the box (long case kinds) show whole. */
  wideOptions?: boolean;
}

/** A drop-down of a FilterBar: one choice or none, cleared back to none. */
export function FilterSelect<T extends string>({ label, placeholder, options, value, onChange, width, searchable, wideOptions }: SelectProps<T>) {
  return (
    <Select<T>
      aria-label={label}
      placeholder={placeholder}
      options={options}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      popupMatchSelectWidth={!wideOptions}
      className={width ? `ledger-filter-select ${width}` : 'ledger-filter-select'}
    />
  );
}

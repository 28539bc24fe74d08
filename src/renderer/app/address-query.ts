/**
 * A list page's tab, filters and page live in the address (#/care?tab=children&dueState=overdue), so a list
 * can be bookmarked, linked to from the 工作台, and found again on the way back.
 */
import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface Paged {
  page: number;
  pageSize: number;
}

/** The value if it is one of the list, else undefined. */
export const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function intOf(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

/** The page and page size the address holds, or the first page at the default size. */
export function pagingOf(params: URLSearchParams): Paged {
  const size = intOf(params.get('pageSize'));
  return {
    page: Math.max(1, intOf(params.get('page')) ?? 1),
    pageSize: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The address of a query: its tab unless it is the default, the fields that are set, the page and size unless the defaults. */
export function addressOf<Q extends Paged & { tab?: string }>(query: Q, fields: readonly (keyof Q & string)[], defaultTab?: string): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== undefined && query.tab !== defaultTab) out.set('tab', query.tab);
  for (const key of fields) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') out.set(key, String(value));
  }
  if (query.page > 1) out.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(query.pageSize));
  return out;
}

/**
 * The page's query, read with `parse` and written with `serialize` (both stable). An update builds on the
 * latest address, since a debounced search box calls late; any change but the page itself starts on page 1,
 * and `cascade` clears what a change makes stale (a director when the township changes…).
 */
export function useAddressQuery<Q extends Paged>(
  parse: (params: URLSearchParams) => Q,
  serialize: (query: Q) => URLSearchParams,
  cascade?: (next: Q, patch: Partial<Q>) => void,
): [Q, (patch: Partial<Q>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params, parse]);
  const latest = useRef(params);
  latest.current = params;
  const update = useCallback(
    (patch: Partial<Q>) => {
      const next: Q = { ...parse(latest.current), ...patch };
      cascade?.(next, patch);
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next), { replace: true });
    },
    [setParams, parse, serialize, cascade],
  );
  return [query, update];
}

/** A table's pagination for a query kept in the address. */
export function tablePagination(query: Paged, total: number | undefined, update: (patch: Partial<Paged>) => void): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    hideOnSinglePage: total !== undefined && total <= PAGE_SIZES[0],
    onChange: (page, pageSize) => update(pageSize !== query.pageSize ? { pageSize } : { page }),
  };
}

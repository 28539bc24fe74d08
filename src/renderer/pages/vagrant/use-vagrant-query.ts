/**
 * The rescue page's tab, filters, page and year live in the address (#/vagrant?state=in_station), so a list
 * can be bookmarked and linked to.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RESCUE_STATES, type RescueState } from '../../../shared/domain/vagrant';
import { isValidMonth } from '../../../shared/domain/dates';

export const VAGRANT_TABS = ['records', 'monthly'] as const;
export type VagrantTab = (typeof VAGRANT_TABS)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface VagrantQuery {
  tab: VagrantTab;
  townshipId?: string;
  /** Month of admission, YYYY-MM. */
  month?: string;
  state?: RescueState;
  q?: string;
  page: number;
  pageSize: number;
  /** The 月度统计 year; the current one when absent. */
  year?: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function intOf(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

function parse(params: URLSearchParams): VagrantQuery {
  const size = intOf(params.get('pageSize'));
  const month = params.get('month');
  const year = intOf(params.get('year'));
  return {
    tab: oneOf(VAGRANT_TABS, params.get('tab')) ?? 'records',
    townshipId: params.get('townshipId') || undefined,
    month: month && isValidMonth(month) ? month : undefined,
    state: oneOf(RESCUE_STATES, params.get('state')),
    q: params.get('q') || undefined,
    page: Math.max(1, intOf(params.get('page')) ?? 1),
    pageSize: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

function serialize(query: VagrantQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== 'records') out.set('tab', query.tab);
  if (query.townshipId) out.set('townshipId', query.townshipId);
  if (query.month) out.set('month', query.month);
  if (query.state) out.set('state', query.state);
  if (query.q) out.set('q', query.q);
  if (query.page > 1) out.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(query.pageSize));
  if (query.year) out.set('year', String(query.year));
  return out;
}

export function useVagrantQuery(): [VagrantQuery, (patch: Partial<VagrantQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params]);
  // The debounced search box calls late: build on the latest address, not the one of its render.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<VagrantQuery>) => {
      const next: VagrantQuery = { ...parse(latest.current), ...patch };
      // Any change but the page itself starts on page 1.
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next), { replace: true });
    },
    [setParams],
  );

  return [query, update];
}

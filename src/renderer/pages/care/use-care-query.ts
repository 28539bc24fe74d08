/**
 * The care page's tab, filters and page live in the address (#/care?tab=children&dueState=overdue), so a
 * list can be bookmarked and the workbench can link straight to a tab.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DUE_STATES } from '../../../shared/api/care.schemas';
import { CHILD_CATEGORIES, type ChildCategory } from '../../../shared/domain/care';
import type { Role } from '../../../shared/domain/roles';
import type { DueState } from './care-options';

export type CareTab = 'due' | 'children' | 'cases' | 'directors' | 'policy';

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface CareQuery {
  tab: CareTab;
  townshipId?: string;
  directorId?: string;
  category?: ChildCategory;
  dueState?: DueState;
  q?: string;
  page: number;
  pageSize: number;
}

/** The tabs a role sees, the first being the default; visit intervals are the administrator's. */
export function careTabsFor(role: Role): CareTab[] {
  return role === 'admin' ? ['due', 'children', 'cases', 'directors', 'policy'] : ['due', 'children', 'cases', 'directors'];
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function intOf(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

function parse(params: URLSearchParams, tabs: readonly CareTab[]): CareQuery {
  const size = intOf(params.get('pageSize'));
  return {
    tab: oneOf(tabs, params.get('tab')) ?? tabs[0]!,
    townshipId: params.get('townshipId') || undefined,
    directorId: params.get('directorId') || undefined,
    category: oneOf<ChildCategory>(CHILD_CATEGORIES, params.get('category')),
    dueState: oneOf<DueState>(DUE_STATES, params.get('dueState')),
    q: params.get('q') || undefined,
    page: Math.max(1, intOf(params.get('page')) ?? 1),
    pageSize: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

function serialize(query: CareQuery, defaultTab: CareTab): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== defaultTab) out.set('tab', query.tab);
  if (query.townshipId) out.set('townshipId', query.townshipId);
  if (query.directorId) out.set('directorId', query.directorId);
  if (query.category) out.set('category', query.category);
  if (query.dueState) out.set('dueState', query.dueState);
  if (query.q) out.set('q', query.q);
  if (query.page > 1) out.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(query.pageSize));
  return out;
}

export function useCareQuery(role: Role): [CareQuery, (patch: Partial<CareQuery>) => void, CareTab[]] {
  const tabs = useMemo(() => careTabsFor(role), [role]);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params, tabs), [params, tabs]);
  // The debounced search box calls late: build on the latest address, not the one of its render.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<CareQuery>) => {
      const next: CareQuery = { ...parse(latest.current, tabs), ...patch };
      // A director belongs to one township; any change but the page itself starts on page 1.
      if ('townshipId' in patch && !('directorId' in patch)) next.directorId = undefined;
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next, tabs[0]!), { replace: true });
    },
    [setParams, tabs],
  );

  return [query, update, tabs];
}

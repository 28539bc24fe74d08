/**
 * The approvals page's tab, filters and page live in the address (#/approvals?tab=all&kind=dibao_new),
 * so coming back from a case shows the same list, as the ledger does.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CASE_KINDS, type CaseKind } from '../../../shared/domain/workflow/types';
import { COUNTY_REVIEWERS, isCaseWorker, type Role } from '../../../shared/domain/roles';

export type ApprovalsTab = 'todo' | 'done' | 'all' | 'filing' | 'reviews';

/** Windows for 复核到期, in days ahead. */
export const REVIEW_WINDOWS = [30, 60, 90] as const;

export interface ApprovalsQuery {
  tab: ApprovalsTab;
  kind?: CaseKind;
  townshipId?: string;
  overdueOnly?: boolean;
  q?: string;
  page: number;
  /** 复核到期: how many days ahead. */
  within: number;
}

/** The tabs a role sees, the first being the default: an administrator has no cases of their own. */
export function tabsFor(role: Role): ApprovalsTab[] {
  if (!isCaseWorker(role)) return ['all', 'reviews'];
  return COUNTY_REVIEWERS.includes(role) ? ['todo', 'done', 'all', 'filing', 'reviews'] : ['todo', 'done', 'all', 'reviews'];
}

function intOf(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function parse(params: URLSearchParams, tabs: readonly ApprovalsTab[]): ApprovalsQuery {
  const tab = params.get('tab');
  const kind = params.get('kind');
  const within = intOf(params.get('within'), 0, 366);
  return {
    tab: tabs.includes(tab as ApprovalsTab) ? (tab as ApprovalsTab) : tabs[0]!,
    kind: (CASE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as CaseKind) : undefined,
    townshipId: params.get('townshipId') || undefined,
    overdueOnly: params.get('overdueOnly') === '1' || undefined,
    q: params.get('q') || undefined,
    page: intOf(params.get('page'), 1, 100_000) ?? 1,
    within: within !== undefined && (REVIEW_WINDOWS as readonly number[]).includes(within) ? within : REVIEW_WINDOWS[0],
  };
}

function serialize(query: ApprovalsQuery, defaultTab: ApprovalsTab): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== defaultTab) out.set('tab', query.tab);
  if (query.kind) out.set('kind', query.kind);
  if (query.townshipId) out.set('townshipId', query.townshipId);
  if (query.overdueOnly) out.set('overdueOnly', '1');
  if (query.q) out.set('q', query.q);
  if (query.page > 1) out.set('page', String(query.page));
  if (query.within !== REVIEW_WINDOWS[0]) out.set('within', String(query.within));
  return out;
}

export function useApprovalsQuery(role: Role): [ApprovalsQuery, (patch: Partial<ApprovalsQuery>) => void, ApprovalsTab[]] {
  const tabs = useMemo(() => tabsFor(role), [role]);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params, tabs), [params, tabs]);
  // The debounced search box calls late: build on the latest address, not the one of its render.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<ApprovalsQuery>) => {
      // Any change but the page itself starts on page 1.
      const next: ApprovalsQuery = { ...parse(latest.current, tabs), ...patch };
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next, tabs[0]!), { replace: true });
    },
    [setParams, tabs],
  );

  return [query, update, tabs];
}

/**
 * The elderly-care page's tab, filters and page live in the address (#/elderly?tab=survival&period=2026-H1),
 * so a list can be bookmarked and the workbench can link straight to a tab.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DUE_STATES } from '../../../shared/api/care.schemas';
import { SURVIVAL_STATES } from '../../../shared/api/elderly.schemas';
import { ELDER_DIFFICULTIES, isValidPeriod, type ElderDifficulty } from '../../../shared/domain/elderly';
import { isValidMonth } from '../../../shared/domain/dates';
import type { Role } from '../../../shared/domain/roles';

export type ElderlyTab = 'turning' | 'survival' | 'elders' | 'due' | 'policy';
export type DueState = (typeof DUE_STATES)[number];
export type SurvivalState = (typeof SURVIVAL_STATES)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface ElderlyQuery {
  tab: ElderlyTab;
  townshipId?: string;
  /** 下月年满: the month shown (next month when absent). */
  month?: string;
  /** 生存认证: the half-year shown (the current one when absent) and which of its beneficiaries. */
  period?: string;
  state?: SurvivalState;
  difficulty?: ElderDifficulty;
  dueState?: DueState;
  q?: string;
  page: number;
  pageSize: number;
}

/** The tabs a role sees, the first being the default; the policy is the administrator's. */
export function elderlyTabsFor(role: Role): ElderlyTab[] {
  return role === 'admin' ? ['turning', 'survival', 'elders', 'due', 'policy'] : ['turning', 'survival', 'elders', 'due'];
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function intOf(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

function parse(params: URLSearchParams, tabs: readonly ElderlyTab[]): ElderlyQuery {
  const size = intOf(params.get('pageSize'));
  const month = params.get('month');
  const period = params.get('period');
  return {
    tab: oneOf(tabs, params.get('tab')) ?? tabs[0]!,
    townshipId: params.get('townshipId') || undefined,
    month: month && isValidMonth(month) ? month : undefined,
    period: period && isValidPeriod(period) ? period : undefined,
    state: oneOf<SurvivalState>(SURVIVAL_STATES, params.get('state')),
    difficulty: oneOf<ElderDifficulty>(ELDER_DIFFICULTIES, params.get('difficulty')),
    dueState: oneOf<DueState>(DUE_STATES, params.get('dueState')),
    q: params.get('q') || undefined,
    page: Math.max(1, intOf(params.get('page')) ?? 1),
    pageSize: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

function serialize(query: ElderlyQuery, defaultTab: ElderlyTab): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== defaultTab) out.set('tab', query.tab);
  for (const key of ['townshipId', 'month', 'period', 'state', 'difficulty', 'dueState', 'q'] as const) {
    const value = query[key];
    if (value) out.set(key, value);
  }
  if (query.page > 1) out.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(query.pageSize));
  return out;
}

export function useElderlyQuery(role: Role): [ElderlyQuery, (patch: Partial<ElderlyQuery>) => void, ElderlyTab[]] {
  const tabs = useMemo(() => elderlyTabsFor(role), [role]);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params, tabs), [params, tabs]);
  // The debounced search box calls late: build on the latest address, not the one of its render.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<ElderlyQuery>) => {
      const next: ElderlyQuery = { ...parse(latest.current, tabs), ...patch };
      // Each tab has its own search and state; switching tabs starts them afresh.
      if ('tab' in patch) Object.assign(next, { q: undefined, state: undefined, dueState: undefined, difficulty: undefined });
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next, tabs[0]!), { replace: true });
    },
    [setParams, tabs],
  );

  return [query, update, tabs];
}

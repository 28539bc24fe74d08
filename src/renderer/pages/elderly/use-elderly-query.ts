/**
 * The elderly-care page's tab, filters and page live in the address (#/elderly?tab=survival&period=2026-H1),
 * so a list can be bookmarked and the workbench can link straight to a tab.
 */
import { useCallback, useMemo } from 'react';
import { addressOf, oneOf, pagingOf, useAddressQuery } from '../../app/address-query';
import { DUE_STATES } from '../../../shared/api/care.schemas';
import { SURVIVAL_STATES } from '../../../shared/api/elderly.schemas';
import { ELDER_DIFFICULTIES, isValidPeriod, type ElderDifficulty } from '../../../shared/domain/elderly';
import { isValidMonth } from '../../../shared/domain/dates';
import type { Role } from '../../../shared/domain/roles';

export type ElderlyTab = 'turning' | 'survival' | 'elders' | 'due' | 'policy';
export type DueState = (typeof DUE_STATES)[number];
export type SurvivalState = (typeof SURVIVAL_STATES)[number];

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

function parse(params: URLSearchParams, tabs: readonly ElderlyTab[]): ElderlyQuery {
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
    ...pagingOf(params),
  };
}

/** Each tab has its own search and state; switching tabs starts them afresh. */
function cascade(next: ElderlyQuery, patch: Partial<ElderlyQuery>) {
  if ('tab' in patch) Object.assign(next, { q: undefined, state: undefined, dueState: undefined, difficulty: undefined });
}

export function useElderlyQuery(role: Role): [ElderlyQuery, (patch: Partial<ElderlyQuery>) => void, ElderlyTab[]] {
  const tabs = useMemo(() => elderlyTabsFor(role), [role]);
  const read = useCallback((params: URLSearchParams) => parse(params, tabs), [tabs]);
  const write = useCallback((query: ElderlyQuery) => addressOf(query, ['townshipId', 'month', 'period', 'state', 'difficulty', 'dueState', 'q'], tabs[0]), [tabs]);
  const [query, update] = useAddressQuery(read, write, cascade);
  return [query, update, tabs];
}

/**
 * The care page's tab, filters and page live in the address (#/care?tab=children&dueState=overdue), so a
 * list can be bookmarked and the workbench can link straight to a tab.
 */
import { useCallback, useMemo } from 'react';
import { addressOf, oneOf, pagingOf, useAddressQuery } from '../../app/address-query';
import { DUE_STATES } from '../../../shared/api/care.schemas';
import { CHILD_CATEGORIES, type ChildCategory } from '../../../shared/domain/care';
import type { Role } from '../../../shared/domain/roles';
import type { DueState } from './care-options';

export type CareTab = 'due' | 'children' | 'cases' | 'directors' | 'policy';

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

function parse(params: URLSearchParams, tabs: readonly CareTab[]): CareQuery {
  return {
    tab: oneOf(tabs, params.get('tab')) ?? tabs[0]!,
    townshipId: params.get('townshipId') || undefined,
    directorId: params.get('directorId') || undefined,
    category: oneOf<ChildCategory>(CHILD_CATEGORIES, params.get('category')),
    dueState: oneOf<DueState>(DUE_STATES, params.get('dueState')),
    q: params.get('q') || undefined,
    ...pagingOf(params),
  };
}

/** A director belongs to one township: a new township clears the director. */
function cascade(next: CareQuery, patch: Partial<CareQuery>) {
  if ('townshipId' in patch && !('directorId' in patch)) next.directorId = undefined;
}

export function useCareQuery(role: Role): [CareQuery, (patch: Partial<CareQuery>) => void, CareTab[]] {
  const tabs = useMemo(() => careTabsFor(role), [role]);
  const read = useCallback((params: URLSearchParams) => parse(params, tabs), [tabs]);
  const write = useCallback((query: CareQuery) => addressOf(query, ['townshipId', 'directorId', 'category', 'dueState', 'q'], tabs[0]), [tabs]);
  const [query, update] = useAddressQuery(read, write, cascade);
  return [query, update, tabs];
}

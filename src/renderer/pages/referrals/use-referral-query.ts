/**
 * The referrals page's tab, filters and page live in the address (#/referrals?status=overdue), so a list can
 * be bookmarked and the workbench can link straight to the overdue referrals.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REFERRAL_STATUS_FILTERS, type ReferralStatusFilter } from '../../../shared/api/referrals.schemas';
import { NEED_KINDS, type NeedKind } from '../../../shared/domain/referrals';

export type ReferralTab = 'referrals' | 'organisations';
const TABS: readonly ReferralTab[] = ['referrals', 'organisations'];

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface ReferralQuery {
  tab: ReferralTab;
  townshipId?: string;
  status?: ReferralStatusFilter;
  needKind?: NeedKind;
  q?: string;
  page: number;
  pageSize: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function intOf(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

function parse(params: URLSearchParams): ReferralQuery {
  const size = intOf(params.get('pageSize'));
  return {
    tab: oneOf(TABS, params.get('tab')) ?? TABS[0]!,
    townshipId: params.get('townshipId') || undefined,
    status: oneOf<ReferralStatusFilter>(REFERRAL_STATUS_FILTERS, params.get('status')),
    needKind: oneOf<NeedKind>(NEED_KINDS, params.get('needKind')),
    q: params.get('q') || undefined,
    page: Math.max(1, intOf(params.get('page')) ?? 1),
    pageSize: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

function serialize(query: ReferralQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.tab !== TABS[0]) out.set('tab', query.tab);
  if (query.townshipId) out.set('townshipId', query.townshipId);
  if (query.status) out.set('status', query.status);
  if (query.needKind) out.set('needKind', query.needKind);
  if (query.q) out.set('q', query.q);
  if (query.page > 1) out.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(query.pageSize));
  return out;
}

export function useReferralQuery(): [ReferralQuery, (patch: Partial<ReferralQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params]);
  // The debounced search box calls late: build on the latest address, not the one of its render.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<ReferralQuery>) => {
      const next: ReferralQuery = { ...parse(latest.current), ...patch };
      // Any change but the page itself starts on page 1.
      if (!('page' in patch)) next.page = 1;
      setParams(serialize(next), { replace: true });
    },
    [setParams],
  );

  return [query, update];
}

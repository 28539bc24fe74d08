/**
 * The referrals page's tab, filters and page live in the address (#/referrals?status=overdue), so a list can
 * be bookmarked and the workbench can link straight to the overdue referrals.
 */
import { addressOf, oneOf, pagingOf, useAddressQuery } from '../../app/address-query';
import { REFERRAL_STATUS_FILTERS, type ReferralStatusFilter } from '../../../shared/api/referrals.schemas';
import { NEED_KINDS, type NeedKind } from '../../../shared/domain/referrals';

export type ReferralTab = 'referrals' | 'organisations';
const TABS: readonly ReferralTab[] = ['referrals', 'organisations'];

export interface ReferralQuery {
  tab: ReferralTab;
  townshipId?: string;
  status?: ReferralStatusFilter;
  needKind?: NeedKind;
  q?: string;
  page: number;
  pageSize: number;
}

function parse(params: URLSearchParams): ReferralQuery {
  return {
    tab: oneOf(TABS, params.get('tab')) ?? TABS[0]!,
    townshipId: params.get('townshipId') || undefined,
    status: oneOf<ReferralStatusFilter>(REFERRAL_STATUS_FILTERS, params.get('status')),
    needKind: oneOf<NeedKind>(NEED_KINDS, params.get('needKind')),
    q: params.get('q') || undefined,
    ...pagingOf(params),
  };
}

const serialize = (query: ReferralQuery) => addressOf(query, ['townshipId', 'status', 'needKind', 'q'], TABS[0]);

export function useReferralQuery(): [ReferralQuery, (patch: Partial<ReferralQuery>) => void] {
  return useAddressQuery(parse, serialize);
}

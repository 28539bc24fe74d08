/**
 * The rescue page's tab, filters, page and year live in the address (#/vagrant?state=in_station), so a list
 * can be bookmarked and linked to.
 */
import { addressOf, intOf, oneOf, pagingOf, useAddressQuery } from '../../app/address-query';
import { RESCUE_STATES, type RescueState } from '../../../shared/domain/vagrant';
import { isValidMonth } from '../../../shared/domain/dates';

export const VAGRANT_TABS = ['records', 'monthly'] as const;
export type VagrantTab = (typeof VAGRANT_TABS)[number];

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

function parse(params: URLSearchParams): VagrantQuery {
  const month = params.get('month');
  const year = intOf(params.get('year'));
  return {
    tab: oneOf(VAGRANT_TABS, params.get('tab')) ?? 'records',
    townshipId: params.get('townshipId') || undefined,
    month: month && isValidMonth(month) ? month : undefined,
    state: oneOf(RESCUE_STATES, params.get('state')),
    q: params.get('q') || undefined,
    ...pagingOf(params),
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

const serialize = (query: VagrantQuery) => addressOf(query, ['townshipId', 'month', 'state', 'q', 'year'], 'records');

export function useVagrantQuery(): [VagrantQuery, (patch: Partial<VagrantQuery>) => void] {
  return useAddressQuery(parse, serialize);
}

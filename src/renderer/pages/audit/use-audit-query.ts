/**
 * The audit page's filters and page live in the address (#/admin/audit?username=admin&actions=person.update),
 * so a search can be bookmarked, sent along and found again.
 */
import type { AuditFilter } from '../../../shared/api/audit.schemas';
import { addressOf, pagingOf, useAddressQuery, type Paged } from '../../app/address-query';

export interface AuditQuery extends Paged {
  username?: string;
  /** Action codes, comma-separated in the address. */
  actions?: string[];
  entity?: string;
  recordId?: string;
  from?: string;
  to?: string;
  q?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (params: URLSearchParams, key: string) => params.get(key)?.trim() || undefined;
const date = (params: URLSearchParams, key: string) => {
  const v = params.get(key);
  return v && DATE.test(v) ? v : undefined;
};

function parse(params: URLSearchParams): AuditQuery {
  const actions = (params.get('actions') ?? '').split(',').filter(Boolean);
  return {
    username: text(params, 'username'),
    actions: actions.length > 0 ? actions : undefined,
    entity: text(params, 'entity'),
    recordId: text(params, 'recordId'),
    from: date(params, 'from'),
    to: date(params, 'to'),
    q: text(params, 'q'),
    ...pagingOf(params),
  };
}

const serialize = (query: AuditQuery) => addressOf(query, ['username', 'actions', 'entity', 'recordId', 'from', 'to', 'q']);

export function useAuditQuery(): [AuditQuery, (patch: Partial<AuditQuery>) => void] {
  return useAddressQuery(parse, serialize);
}

/** The filter of a query, as the wire takes it (unset fields left out, so they leave the query key too). */
export function filterOf(query: AuditQuery): AuditFilter {
  const { page: _page, pageSize: _pageSize, ...fields } = query;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as AuditFilter;
}

export const isFiltered = (query: AuditQuery) => Object.keys(filterOf(query)).length > 0;

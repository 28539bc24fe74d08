/**
 * The ledger list's tab, filters and page live in the address (#/ledger?kind=persons&program=dibao&page=2),
 * so coming back from a household shows the same list, and a list can be bookmarked.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { LedgerFilter } from '../../../shared/api/contract';
import { ENROLLMENT_STATUSES, PROGRAMS, type EnrollmentStatus, type Program } from '../../../shared/domain/programs';

export type LedgerKind = LedgerFilter['kind'];

export interface LedgerQuery extends LedgerFilter {
  page: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function intOf(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

const textOf = (value: string | null) => (value ? value : undefined);

function parse(params: URLSearchParams): LedgerQuery {
  return {
    kind: params.get('kind') === 'persons' ? 'persons' : 'households',
    q: textOf(params.get('q')),
    townshipId: textOf(params.get('townshipId')),
    villageId: textOf(params.get('villageId')),
    program: oneOf<Program>(PROGRAMS, params.get('program')),
    status: oneOf<EnrollmentStatus>(ENROLLMENT_STATUSES, params.get('status')),
    category: textOf(params.get('category')),
    ageMin: intOf(params.get('ageMin'), 0, 130),
    ageMax: intOf(params.get('ageMax'), 0, 130),
    page: intOf(params.get('page'), 1, 100_000) ?? 1,
  };
}

/** The filter as the contract takes it: no empty fields, no page. */
export function filterOf(query: LedgerQuery): LedgerFilter {
  const { page: _page, ...filter } = query;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as LedgerFilter;
}

export function useLedgerQuery(): [LedgerQuery, (patch: Partial<LedgerQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params]);
  // react-router's functional update hands over the params of the render that made the callback, so a
  // late call (the debounced search box) would undo a filter chosen meanwhile: read the latest instead.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (patch: Partial<LedgerQuery>) => {
      setParams(
        () => {
          const next: LedgerQuery = { ...parse(latest.current), ...patch };
          // A new township has other villages; a new program other categories; any new filter starts on page 1.
          if ('townshipId' in patch) next.villageId = undefined;
          if ('program' in patch) next.category = undefined;
          if (!('page' in patch)) next.page = 1;
          const out = new URLSearchParams();
          for (const [key, value] of Object.entries(next)) {
            if (value === undefined || value === '' || (key === 'kind' && value === 'households') || (key === 'page' && value === 1)) continue;
            out.set(key, String(value));
          }
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [query, update];
}

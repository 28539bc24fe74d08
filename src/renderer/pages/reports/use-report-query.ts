/** The form chosen on the page, read from and written to the address (see report-query.ts). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseReportQuery, searchOf, type ReportQuery } from './report-query';

export function useReportQuery(): [ReportQuery, (patch: Partial<ReportQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseReportQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<ReportQuery>) => setParams((current) => new URLSearchParams(searchOf({ ...parseReportQuery(current), ...patch })), { replace: true }),
    [setParams],
  );
  return [query, update];
}

/**
 * The form on screen lives in the address (#/reports?form=payment-roster&period=2026-10&program=dibao), so
 * the 工作台 can link to a month, the print view opens the same form, and coming back shows it again.
 */
import { REPORT_FORMS, type ReportForm, type ReportRequest } from '../../../shared/api/reports.schemas';
import { PROGRAMS, type Program } from '../../../shared/domain/programs';
import { periodFitsForm } from '../../../shared/domain/reports/periods';
import { lastMonth } from './period';

export interface ReportQuery {
  form: ReportForm;
  period: string;
  /** Kept while another form is shown, so coming back to the roster keeps its program. */
  program: Program;
  townshipId?: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseReportQuery(params: URLSearchParams): ReportQuery {
  const form = oneOf(REPORT_FORMS, params.get('form')) ?? 'assistance-monthly';
  const period = params.get('period') ?? '';
  return {
    form,
    // A period the form does not come by (a quarter of a monthly sheet) falls back to the month just ended.
    period: periodFitsForm(form, period) ? period : lastMonth(),
    program: oneOf(PROGRAMS, params.get('program')) ?? 'dibao',
    townshipId: params.get('townshipId') || undefined,
  };
}

/** The contract's request: the program only for the roster; the township only where the user may choose it. */
export function requestOf(query: ReportQuery, mayChooseTownship: boolean): ReportRequest {
  return {
    form: query.form,
    period: query.period,
    ...(query.form === 'payment-roster' ? { program: query.program } : {}),
    ...(mayChooseTownship && query.townshipId ? { townshipId: query.townshipId } : {}),
  };
}

export function searchOf(request: Partial<ReportRequest>): string {
  const params = new URLSearchParams();
  for (const key of ['form', 'period', 'program', 'townshipId'] as const) {
    const value = request[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The reports page showing this form (the 工作台's figures link here). */
export const reportPath = (request: Partial<ReportRequest>): string => `/reports?${searchOf(request)}`;

/** The form's print view. */
export const reportPrintPath = (request: ReportRequest): string => `/print/report?${searchOf(request)}`;

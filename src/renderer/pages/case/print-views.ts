/** The print views a case offers (A4 official layouts, in the print pages). */
import type { CaseDetail } from '../../../shared/api/cases.schemas';

export interface PrintView {
  label: string;
  path: string;
}

export function printViewsOf(detail: CaseDetail): PrintView[] {
  const base = `/print/cases/${detail.id}`;
  const views: PrintView[] = [{ label: '打印审批表', path: `${base}/approval-form` }];
  if (detail.outcome === 'rejected') views.push({ label: '打印不予确认告知书', path: `${base}/rejection-notice` });
  if (detail.ending) views.push({ label: '打印终止告知书', path: `${base}/termination-notice` });
  return views;
}

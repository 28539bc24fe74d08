/**
 * The path of the case through its workflow: optional steps switched off are left out, and the notice
 * steps (不予确认/终止告知书) show only once the case has reached them, as most cases never do.
 */
import { Steps } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';

const NOTICE_STEPS = new Set(['rejection_notice', 'termination_notice']);

type Status = 'wait' | 'process' | 'finish' | 'error';

export function CaseSteps({ detail }: { detail: CaseDetail }) {
  const reached = new Set(detail.history.map((h) => h.step));
  if (detail.step) reached.add(detail.step);
  const shown = detail.definition.steps.filter((s) => !(s.optional && s.enabled === false) && (!NOTICE_STEPS.has(s.id) || reached.has(s.id)));
  const statusOf = (id: string): Status => {
    if (id === detail.step) return detail.overdue ? 'error' : 'process';
    return reached.has(id) ? 'finish' : 'wait';
  };
  const current = detail.step ? shown.findIndex((s) => s.id === detail.step) : shown.length;
  return (
    <Steps
      size="small"
      current={current}
      items={shown.map((s) => ({
        key: s.id,
        title: s.label,
        status: statusOf(s.id),
        content: s.id === detail.step && detail.stepDue ? `期限 ${detail.stepDue}` : undefined,
      }))}
    />
  );
}

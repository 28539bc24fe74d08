/** Where a case stands: its step while open, the decision once closed. */
import { Tag } from 'antd';
import type { CaseRow } from '../../../shared/api/cases.schemas';

type State = Pick<CaseRow, 'status' | 'outcome' | 'stepLabel'>;

export function OutcomeTag({ outcome }: { outcome: CaseRow['outcome'] }) {
  if (outcome === 'approved') return <Tag color="success">已批准</Tag>;
  if (outcome === 'rejected') return <Tag color="error">不予确认</Tag>;
  return <Tag>已办结</Tag>;
}

/** The case's state as a tag for headings: 办理中, or its outcome. */
export function CaseStatusTag({ status, outcome }: Pick<CaseRow, 'status' | 'outcome'>) {
  return status === 'closed' ? <OutcomeTag outcome={outcome} /> : <Tag color="processing">办理中</Tag>;
}

/** For lists: the current step's name, or the outcome of a closed case. */
export function CaseStepCell({ status, outcome, stepLabel }: State) {
  return status === 'closed' ? <OutcomeTag outcome={outcome} /> : <span>{stepLabel ?? '—'}</span>;
}

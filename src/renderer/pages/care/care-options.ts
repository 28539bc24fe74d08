/** Choices and labels of the child ledger, from the shared domain labels. */
import { DUE_STATES } from '../../../shared/api/care.schemas';
import {
  CHILD_CATEGORIES,
  CHILD_CATEGORY_LABELS,
  DIFFICULTY_CAUSE_LABELS,
  DIFFICULTY_CAUSES,
  GUARDIANSHIP_LABELS,
  GUARDIANSHIPS,
  PAIRING_KIND_LABELS,
  PAIRING_KINDS,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
  type VisitKind,
} from '../../../shared/domain/care';

export type DueState = (typeof DUE_STATES)[number];

export const DUE_STATE_LABELS: Record<DueState, string> = { overdue: '已逾期', soon: '近期待访', ok: '按期', closed: '已结案' };

export const CATEGORY_OPTIONS = CHILD_CATEGORIES.map((value) => ({ value, label: CHILD_CATEGORY_LABELS[value] }));
export const CAUSE_OPTIONS = DIFFICULTY_CAUSES.map((value) => ({ value, label: DIFFICULTY_CAUSE_LABELS[value] }));
export const GUARDIANSHIP_OPTIONS = GUARDIANSHIPS.map((value) => ({ value, label: GUARDIANSHIP_LABELS[value] }));
export const PAIRING_KIND_OPTIONS = PAIRING_KINDS.map((value) => ({ value, label: PAIRING_KIND_LABELS[value] }));
export const VISIT_KIND_OPTIONS = VISIT_KINDS.map((value) => ({ value, label: VISIT_KIND_LABELS[value] }));
export const VISIT_KIND_COLORS: Record<VisitKind, string> = { home: 'green', school: 'blue', phone: 'gray' };
export const DUE_STATE_OPTIONS = DUE_STATES.map((value) => ({ value, label: DUE_STATE_LABELS[value] }));

/** Who usually looks after a child; free text is allowed too. */
export const GUARDIAN_RELATION_OPTIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '兄姐', '其他亲属', '受委托人', '民政部门'].map((value) => ({ value }));

/** Common reasons a file is closed; free text is allowed too. */
export const CLOSE_REASON_OPTIONS = ['年满 18 周岁', '农村留守儿童年满 16 周岁', '父母返乡，不再属于留守儿童', '家庭困难情形已消除', '户籍迁出本县', '死亡'].map((value) => ({ value }));

/** The examples of a visit's fields, for a child. */
export const VISIT_PLACEHOLDERS = {
  visitor: '如：儿童主任姓名',
  findings: '儿童生活、学习、健康和监护照料情况',
  needs: '如：需要学习用品、需要心理关爱',
  followUp: '如：已联系学校、转介到乡镇社工站',
};

/**
 * What a case records besides its steps (cases.data, JSON): the application, then what the
 * investigation and the reviews found. Rendered in Chinese for the case page and the printed form.
 */
import type { ActionData } from '../../shared/api/cases.schemas';
import { formatYuan } from '../../shared/domain/money';
import { CHANGE_TYPES, REVIEW_RESULTS, type ChangeType, type ReviewResult } from '../../shared/domain/workflow/types';
import { PSYCH_GRADES, PSYCH_TOOLS, RESETTLEMENT_KINDS, type PsychGrade, type PsychTool, type ResettlementKind } from '../../shared/domain/care-cases';

export interface CaseData {
  reason: string;
  monthlyIncomeFen?: number;
  familySize?: number;
  unstableIncome?: boolean;
  visitDate?: string;
  requestedAmountFen?: number;
  changeType?: ChangeType;
  newAmountFen?: number;
  deceasedPersonId?: string;
  newHeadPersonId?: string;
  /** 增减保障人口: who the change brings under the enrollment and who leaves it. */
  addedPersonIds?: string[];
  removedPersonIds?: string[];
  effectiveMonth?: string;
  reviewResult?: ReviewResult;
  taperMonths?: number;
  /** How the amount was reached, line by line, when it was last computed. */
  amountLines?: string[];
  /** 心理关爱个案: the last assessment and its grade, the plan, the discharge; the crisis note while flagged. */
  psychTool?: PsychTool;
  psychScore?: number;
  psychGrade?: PsychGrade;
  planGoals?: string;
  planMeasures?: string;
  counsellor?: string;
  sessionsPlanned?: number;
  dischargeSummary?: string;
  followUpOn?: string;
  /** A follow-up step: the day it took place. */
  followedUpOn?: string;
  crisisNote?: string;
  crisisSince?: string;
  /** 成年后安置. */
  resettlementKind?: ResettlementKind;
  resettlementDetail?: string;
}

/** Whether approving this case ends its enrollment (停保, or a review ending in 渐退 or 停保): it then asks for the termination notice. */
export function endsEnrollment(kind: string, data: Pick<CaseData, 'reviewResult'>): boolean {
  return kind === 'enrollment_stop' || (kind === 'periodic_review' && (data.reviewResult === 'taper' || data.reviewResult === 'stop'));
}

export interface Line {
  label: string;
  value: string;
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** The findings recorded with one action (or the application), as label/value lines. */
export function describeData(data: ActionData & Partial<CaseData>, names: ReadonlyMap<string, string> = new Map()): Line[] {
  const lines: Line[] = [];
  if (data.changeType) lines.push({ label: '变更类型', value: CHANGE_TYPES[data.changeType] });
  if (data.deceasedPersonId) lines.push({ label: '死亡人员', value: names.get(data.deceasedPersonId) ?? '—' });
  if (data.newHeadPersonId) lines.push({ label: '新户主', value: names.get(data.newHeadPersonId) ?? '—' });
  const named = (ids: string[]) => ids.map((id) => names.get(id) ?? '—').join('、');
  if (data.addedPersonIds?.length) lines.push({ label: '增加保障人员', value: named(data.addedPersonIds) });
  if (data.removedPersonIds?.length) lines.push({ label: '减少保障人员', value: named(data.removedPersonIds) });
  if (data.monthlyIncomeFen !== undefined) lines.push({ label: '家庭月收入', value: yuan(data.monthlyIncomeFen) });
  if (data.familySize !== undefined) lines.push({ label: '家庭人口', value: `${data.familySize} 人` });
  if (data.visitDate) lines.push({ label: '入户调查日期', value: data.visitDate });
  if (data.unstableIncome !== undefined) lines.push({ label: '收入稳定性', value: data.unstableIncome ? '收入不稳定（每 6 个月复核）' : '收入稳定' });
  if (data.requestedAmountFen !== undefined) lines.push({ label: '申请救助金额', value: yuan(data.requestedAmountFen) });
  if (data.amountFen !== undefined) lines.push({ label: '救助金额', value: yuan(data.amountFen) });
  if (data.reviewResult) lines.push({ label: '复核结论', value: REVIEW_RESULTS[data.reviewResult] });
  if (data.newAmountFen !== undefined) lines.push({ label: '新保障金额', value: `${yuan(data.newAmountFen)}/月` });
  if (data.taperMonths !== undefined) lines.push({ label: '渐退期', value: `${data.taperMonths} 个月` });
  if (data.effectiveMonth) lines.push({ label: '生效月份', value: data.effectiveMonth });
  if (data.psychTool) lines.push({ label: '评估工具', value: PSYCH_TOOLS[data.psychTool] });
  if (data.psychScore !== undefined) lines.push({ label: '评估得分', value: `${data.psychScore} 分` });
  if (data.psychGrade) lines.push({ label: '风险等级', value: PSYCH_GRADES[data.psychGrade] });
  if (data.planGoals) lines.push({ label: '服务目标', value: data.planGoals });
  if (data.planMeasures) lines.push({ label: '服务措施', value: data.planMeasures });
  if (data.counsellor) lines.push({ label: '服务人员（机构）', value: data.counsellor });
  if (data.sessionsPlanned !== undefined) lines.push({ label: '计划服务次数', value: `${data.sessionsPlanned} 次` });
  if (data.dischargeSummary) lines.push({ label: '结案评估', value: data.dischargeSummary });
  if (data.followedUpOn) lines.push({ label: '本次随访日期', value: data.followedUpOn });
  if (data.followUpOn) lines.push({ label: '下次随访日期', value: data.followUpOn });
  if (data.resettlementKind) lines.push({ label: '安置方式', value: RESETTLEMENT_KINDS[data.resettlementKind] });
  if (data.resettlementDetail) lines.push({ label: '安置去向', value: data.resettlementDetail });
  return lines;
}

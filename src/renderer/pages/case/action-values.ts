/**
 * The 当前环节 form: what the clerk types (amounts as 元 text, the visit date as a date) and the
 * contract's ActionData (fen, YYYY-MM-DD), both ways, and where the server's field errors belong.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { ActionData, CaseDetail } from '../../../shared/api/cases.schemas';
import { formatYuan, parseYuan } from '../../../shared/domain/money';
import type { ReviewResult } from '../../../shared/domain/workflow/types';
import type { PsychGrade, PsychTool, ResettlementKind } from '../../../shared/domain/care-cases';

export interface ActionValues {
  action?: string;
  opinion: string;
  monthlyIncome?: string;
  familySize?: number | null;
  visitDate?: Dayjs | null;
  unstableIncome?: boolean;
  amount?: string;
  reviewResult?: ReviewResult;
  newAmount?: string;
  taperMonths?: number | null;
  psychTool?: PsychTool;
  psychScore?: number | null;
  psychGrade?: PsychGrade;
  planGoals?: string;
  planMeasures?: string;
  counsellor?: string;
  sessionsPlanned?: number | null;
  dischargeSummary?: string;
  followUpOn?: Dayjs | null;
  resettlementKind?: ResettlementKind;
  resettlementDetail?: string;
}

const yuanText = (fen: number | undefined) => (fen === undefined ? undefined : formatYuan(fen));

const fenOf = (text: string | undefined) => {
  const fen = text?.trim() ? parseYuan(text) : null;
  return fen === null ? undefined : fen;
};

const numberOf = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

export function initialValues(defaults: ActionData): Partial<ActionValues> {
  return {
    monthlyIncome: yuanText(defaults.monthlyIncomeFen),
    familySize: defaults.familySize,
    visitDate: defaults.visitDate ? dayjs(defaults.visitDate) : undefined,
    unstableIncome: defaults.unstableIncome ?? false,
    amount: yuanText(defaults.amountFen),
    reviewResult: defaults.reviewResult,
    newAmount: yuanText(defaults.newAmountFen),
    taperMonths: defaults.taperMonths,
    psychTool: defaults.psychTool,
    planGoals: defaults.planGoals,
    planMeasures: defaults.planMeasures,
    counsellor: defaults.counsellor,
    sessionsPlanned: defaults.sessionsPlanned,
    followUpOn: defaults.followUpOn ? dayjs(defaults.followUpOn) : undefined,
    resettlementKind: defaults.resettlementKind,
    resettlementDetail: defaults.resettlementDetail,
  };
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The findings the step's form records; nothing for steps without one (or for an action that records none). */
export function actionData(form: CaseDetail['form'], v: ActionValues, actionId: string): ActionData {
  switch (form) {
    case 'psych_assessment':
      if (actionId === 'decline') return {};
      return v.psychTool === 'other' ? { psychTool: v.psychTool, psychGrade: v.psychGrade } : { psychTool: v.psychTool, psychScore: numberOf(v.psychScore) };
    case 'service_plan':
      return { planGoals: text(v.planGoals), planMeasures: text(v.planMeasures), counsellor: text(v.counsellor), sessionsPlanned: numberOf(v.sessionsPlanned) };
    case 'discharge':
      return actionId === 'close' ? { dischargeSummary: text(v.dischargeSummary), followUpOn: v.followUpOn ? v.followUpOn.format('YYYY-MM-DD') : undefined } : {};
    case 'resettlement':
      return actionId === 'pass' ? { resettlementKind: v.resettlementKind, resettlementDetail: text(v.resettlementDetail), amountFen: fenOf(v.amount) } : {};
    case 'investigation':
      return {
        monthlyIncomeFen: fenOf(v.monthlyIncome),
        familySize: numberOf(v.familySize),
        visitDate: v.visitDate ? v.visitDate.format('YYYY-MM-DD') : undefined,
        unstableIncome: v.unstableIncome ?? false,
      };
    case 'payment':
      return { amountFen: fenOf(v.amount) };
    case 'review_result':
      return {
        reviewResult: v.reviewResult,
        newAmountFen: v.reviewResult === 'adjust' ? fenOf(v.newAmount) : undefined,
        taperMonths: v.reviewResult === 'taper' ? numberOf(v.taperMonths) : undefined,
      };
    default:
      return {};
  }
}

const FIELD_OF_DATA: Record<string, string> = { monthlyIncomeFen: 'monthlyIncome', amountFen: 'amount', newAmountFen: 'newAmount' };

/** The form field a server issue at `path` of cases.act's input belongs to (data.monthlyIncomeFen -> monthlyIncome). */
export function fieldPathOf(path: (string | number)[]): (string | number)[] {
  if (path[0] !== 'data' || path.length < 2) return path;
  const key = String(path[1]);
  return [FIELD_OF_DATA[key] ?? key];
}

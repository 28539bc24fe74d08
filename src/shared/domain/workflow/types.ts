/**
 * Approval workflows (审核确认) as data: each kind of case is a list of steps, who may act at each (roles,
 * at township level — own township only — or county level), the step's deadline (working or calendar
 * days), and where each action leads. A county edits roles, deadlines, optional steps and delegation
 * (下放); a case keeps the definition it was opened under, so an edit never changes a running case.
 */
import { isHouseholdProgram, type Program } from '../programs';
import type { Role } from '../roles';

export type DayUnit = 'working' | 'calendar';
export type Outcome = 'approved' | 'rejected';
/** The end of a case: no further step. */
export const CLOSED = 'closed';

export interface Deadline {
  days: number;
  unit: DayUnit;
}

export interface ActionDef {
  id: string;
  label: string;
  /** The next step, or CLOSED. */
  to: string;
  /** A deciding action: it fixes the case's outcome (and, when approved, applies its effect). */
  outcome?: Outcome;
  /** Where an approval goes instead when it ends an enrollment (停保, 渐退): the termination notice. */
  toIfEnding?: string;
  /** Only once the step's period has run (公示期满). */
  afterPeriod?: boolean;
  /** Only for amounts within the township's approval limit (乡镇审批权限); larger ones are referred up. */
  withinTownshipLimit?: boolean;
  /** Shown as the main (or a dangerous) choice. */
  tone?: 'primary' | 'danger';
}

/** What the clerk fills in besides the opinion when acting on a step. */
export type StepForm = 'investigation' | 'review_result' | 'payment' | 'psych_assessment' | 'service_plan' | 'discharge' | 'resettlement' | 'none';
export const STEP_FORMS = ['investigation', 'review_result', 'payment', 'psych_assessment', 'service_plan', 'discharge', 'resettlement', 'none'] as const satisfies readonly StepForm[];

export interface StepDef {
  id: string;
  label: string;
  roles: readonly Role[];
  level: 'township' | 'county';
  deadline?: Deadline;
  /** A confirming step: nobody who acted on an earlier step of the case may act here. */
  confirms?: boolean;
  /** The county may delegate this confirmation to townships (下放); it then keeps a record copy (备案). */
  delegable?: boolean;
  /** An optional step (民主评议): when switched off, actions into it go where its pass action goes. */
  optional?: boolean;
  enabled?: boolean;
  /** Cases at this step are on the village notice list (公示). */
  publishes?: boolean;
  form?: StepForm;
  actions: readonly ActionDef[];
}

/**
 * What an approved case does to the ledger. `care`: nothing (a psychological-care case is its own record);
 * `resettle`: a one-off subsidy, and the child's care file closes (成年后安置).
 */
export type Effect = 'enroll' | 'one_off' | 'change' | 'stop' | 'review' | 'care' | 'resettle';
export const EFFECTS = ['enroll', 'one_off', 'change', 'stop', 'review', 'care', 'resettle'] as const satisfies readonly Effect[];

export interface WorkflowDef {
  kind: CaseKind;
  label: string;
  /** The program a new case enrolls in; null when the case acts on an existing enrollment. */
  program: Program | null;
  effect: Effect;
  steps: readonly StepDef[];
  /** The whole case, from intake; extendable once, with a reason, to `extended`. */
  whole: Deadline;
  extended?: Deadline;
  /** Confirmation delegated to the townships (下放); the county reviews record copies (备案). */
  delegated?: boolean;
}

export const CASE_KINDS = [
  'dibao_new',
  'tekun_new',
  'linshi_emergency',
  'linshi_expense',
  'gaoling_new',
  'enrollment_change',
  'enrollment_stop',
  'periodic_review',
  'psych_care',
  'adult_resettlement',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A county's edits of a definition; everything else comes from the national default. */
export interface WorkflowOverrides {
  steps?: Record<string, { roles?: Role[]; deadline?: Deadline | null; enabled?: boolean }>;
  whole?: Deadline;
  extended?: Deadline | null;
  delegated?: boolean;
}

/** County-wide amounts and intervals the workflows use (*local*). */
export interface WorkflowPolicy {
  /** 低保 floor per covered person and month (保底金额), fen. */
  dibaoFloorFen: number;
  /** Largest 临时救助 a township approves itself, fen; above it the county confirms. */
  linshiTownshipLimitFen: number;
  /** Default taper (渐退) in months, 1–12. */
  taperMonths: number;
  /** Review intervals in months: stable incomes, unstable incomes. */
  reviewMonths: number;
  reviewMonthsUnstable: number;
  /** The complaint phone printed on notices (监督电话). */
  complaintPhone: string;
}

export const DEFAULT_POLICY: WorkflowPolicy = {
  dibaoFloorFen: 5000,
  linshiTownshipLimitFen: 200000,
  taperMonths: 6,
  reviewMonths: 12,
  reviewMonthsUnstable: 6,
  complaintPhone: '',
};

/** Kinds of change to an enrollment (变更). */
export const CHANGE_TYPES = { increase: '增发', decrease: '减发', members: '增减保障人口', head_death: '户主死亡变更' } as const;
export type ChangeType = keyof typeof CHANGE_TYPES;

/** The changes an enrollment of this program can have: who is covered and who heads the household are a household program's. */
export function changeTypesFor(program: Program): ChangeType[] {
  return isHouseholdProgram(program) ? ['increase', 'decrease', 'members', 'head_death'] : ['increase', 'decrease'];
}

/** What a periodic review (复核) found. */
export const REVIEW_RESULTS = { keep: '维持原保障', adjust: '调整保障金额', taper: '渐退', stop: '停止保障' } as const;
export type ReviewResult = keyof typeof REVIEW_RESULTS;

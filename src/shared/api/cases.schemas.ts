/**
 * Wire shapes of approval cases (审批案件): starting one, acting on its step, the inbox, the case page,
 * the notice list and the county's workflow settings. Money in fen, dates YYYY-MM-DD.
 */
import { z } from 'zod';
import { fen, id, isoDate, keys, month } from './primitives';
import { ROLES } from '../domain/roles';
import { PROGRAMS } from '../domain/programs';
import { CASE_KINDS, CHANGE_TYPES, EFFECTS, REVIEW_RESULTS, STEP_FORMS, type ChangeType, type ReviewResult } from '../domain/workflow/types';
import { PSYCH_GRADES, PSYCH_TOOLS, RESETTLEMENT_KINDS, type PsychGrade, type PsychTool, type ResettlementKind } from '../domain/care-cases';


export const caseKindSchema = z.enum(CASE_KINDS);
export const opinionSchema = z.string().trim().min(2, '请填写审核意见（至少 2 个字）').max(500);

export const deadlineSchema = z.object({ days: z.number().int().min(1).max(90), unit: z.enum(['working', 'calendar']) });

export const actionDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  to: z.string(),
  outcome: z.enum(['approved', 'rejected']).optional(),
  toIfEnding: z.string().optional(),
  afterPeriod: z.boolean().optional(),
  withinTownshipLimit: z.boolean().optional(),
  tone: z.enum(['primary', 'danger']).optional(),
});

export const stepDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  roles: z.array(z.enum(ROLES)).readonly(),
  level: z.enum(['township', 'county']),
  deadline: deadlineSchema.optional(),
  confirms: z.boolean().optional(),
  delegable: z.boolean().optional(),
  optional: z.boolean().optional(),
  enabled: z.boolean().optional(),
  publishes: z.boolean().optional(),
  form: z.enum(STEP_FORMS).optional(),
  actions: z.array(actionDefSchema).readonly(),
});

export const workflowDefSchema = z.object({
  kind: caseKindSchema,
  label: z.string(),
  program: z.enum(PROGRAMS).nullable(),
  effect: z.enum(EFFECTS),
  steps: z.array(stepDefSchema).readonly(),
  whole: deadlineSchema,
  extended: deadlineSchema.optional(),
  delegated: z.boolean().optional(),
});
export type WorkflowDefWire = z.infer<typeof workflowDefSchema>;

export const workflowOverridesSchema = z.object({
  steps: z
    .record(z.string(), z.object({ roles: z.array(z.enum(ROLES)).min(1, '每个环节至少要有一个办理角色').optional(), deadline: deadlineSchema.nullable().optional(), enabled: z.boolean().optional() }))
    .optional(),
  whole: deadlineSchema.optional(),
  extended: deadlineSchema.nullable().optional(),
  delegated: z.boolean().optional(),
});

export const workflowPolicySchema = z.object({
  dibaoFloorFen: fen,
  linshiTownshipLimitFen: fen,
  taperMonths: z.number().int().min(1).max(12),
  reviewMonths: z.number().int().min(1).max(24),
  reviewMonthsUnstable: z.number().int().min(1).max(24),
  complaintPhone: z.string().trim().max(30),
});

/** Starting a case: a new application from a household, or a change, stop or review of an enrollment. */
export const startCaseSchema = z.object({
  kind: caseKindSchema,
  householdId: id,
  /** New applications: the covered members (低保, 临时救助) or the one person (特困, 高龄津贴). */
  personIds: z.array(id).max(30).default([]),
  category: z.string().max(30).nullable().default(null),
  /** 申请理由 / 变更原因. */
  reason: z.string().trim().min(2, '请填写申请理由或变更原因（至少 2 个字）').max(500),
  /** The family's declared monthly income (低保). */
  monthlyIncomeFen: fen.optional(),
  /** Income varies (务工、经营): reviewed every 6 months instead of yearly. */
  unstableIncome: z.boolean().default(false),
  /** 临时救助: the amount asked for. */
  requestedAmountFen: fen.optional(),
  /** Changes, stops and reviews act on this enrollment. */
  enrollmentId: id.optional(),
  changeType: z.enum(keys<ChangeType>(CHANGE_TYPES)).optional(),
  /** 增发/减发/增减保障人口: the new monthly amount. 增减保障人口 names the members covered from then on in personIds. */
  newAmountFen: fen.optional(),
  /** 户主死亡: who died and who heads the household now. */
  deceasedPersonId: id.optional(),
  newHeadPersonId: id.optional(),
  /** The first month the change applies (default: the month after confirmation). */
  effectiveMonth: month.optional(),
});
export type StartCaseInput = z.input<typeof startCaseSchema>;

/** What a clerk records with an action, by the step's form. */
export const actionDataSchema = z.object({
  /** Investigation (家庭经济状况调查): the verified income, family size and the home visit. */
  monthlyIncomeFen: fen.optional(),
  familySize: z.number().int().min(1).max(30).optional(),
  visitDate: isoDate.optional(),
  unstableIncome: z.boolean().optional(),
  /** Payment (临时救助): the amount granted. */
  amountFen: fen.optional(),
  /** Review (复核): the finding and what follows. */
  reviewResult: z.enum(keys<ReviewResult>(REVIEW_RESULTS)).optional(),
  newAmountFen: fen.optional(),
  taperMonths: z.number().int().min(1).max(12).optional(),
  /** Psychological care (心理关爱): the assessment (tool, score, grade), the service plan and the discharge. */
  psychTool: z.enum(keys<PsychTool>(PSYCH_TOOLS)).optional(),
  psychScore: z.number().int().min(0).max(40).optional(),
  psychGrade: z.enum(keys<PsychGrade>(PSYCH_GRADES)).optional(),
  planGoals: z.string().trim().max(500).optional(),
  planMeasures: z.string().trim().max(1000).optional(),
  counsellor: z.string().trim().max(60).optional(),
  sessionsPlanned: z.number().int().min(1).max(100).optional(),
  dischargeSummary: z.string().trim().max(1000).optional(),
  followUpOn: isoDate.optional(),
  /** 成年后安置: how the young adult is settled (the subsidy is `amountFen`). */
  resettlementKind: z.enum(keys<ResettlementKind>(RESETTLEMENT_KINDS)).optional(),
  resettlementDetail: z.string().trim().max(200).optional(),
});
export type ActionData = z.infer<typeof actionDataSchema>;

export const caseRefSchema = z.object({ caseId: id, version: z.number().int().min(0) });

const careNote = z.string().trim().min(2, '请填写说明（至少 2 个字）').max(1000);

/** Flagging a 心理关爱个案 as a crisis (or clearing the flag), with what happened and what was done. */
export const crisisInputSchema = caseRefSchema.extend({ crisis: z.boolean(), note: careNote });

/** A follow-up (随访) of a discharged 心理关爱个案, and the next one (null: follow-up finished). */
export const followUpInputSchema = caseRefSchema.extend({ onDate: isoDate, note: careNote, nextFollowUpOn: isoDate.nullable() });

export const caseRowSchema = z.object({
  id,
  caseNo: z.string(),
  kind: caseKindSchema,
  kindLabel: z.string(),
  program: z.enum(PROGRAMS),
  householdId: id,
  headName: z.string().nullable(),
  /** The applicant or person concerned (特困, 高龄), else the head. */
  subjectName: z.string().nullable(),
  townshipId: id,
  townshipName: z.string(),
  villageName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(['approved', 'rejected']).nullable(),
  step: z.string().nullable(),
  stepLabel: z.string().nullable(),
  stepLevel: z.enum(['township', 'county']).nullable(),
  stepSince: z.string().nullable(),
  stepDue: z.string().nullable(),
  /** Days left for the step in its own unit (working or calendar); negative when overdue. */
  stepDaysLeft: z.number().int().nullable(),
  stepDueUnit: z.enum(['working', 'calendar']).nullable(),
  caseDue: z.string(),
  caseDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  amountFen: z.number().int().nullable(),
  openedOn: z.string(),
  closedAt: z.string().nullable(),
  delegated: z.boolean(),
  filingReviewed: z.boolean(),
  version: z.number().int(),
  /** The last time the signed-in user acted on it (已办). */
  myLastActionAt: z.string().nullable(),
  /** 心理关爱个案: flagged as a crisis; after discharge, the next follow-up (随访) date. */
  crisis: z.boolean(),
  followUpOn: z.string().nullable(),
  /** The person concerned (person programs and care cases), else null. */
  personId: z.string().nullable(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseInboxInputSchema = z.object({
  /** todo: waiting for my role; done: I acted on it; all: every case in scope; filing: delegated confirmations to review (备案). */
  tab: z.enum(['todo', 'done', 'all', 'filing']),
  kind: caseKindSchema.optional(),
  step: z.string().max(40).optional(),
  townshipId: id.optional(),
  overdueOnly: z.boolean().optional(),
  crisisOnly: z.boolean().optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** Name or case number. */
  q: z.string().trim().max(30).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const caseHistoryEntrySchema = z.object({
  seq: z.number().int(),
  step: z.string(),
  stepLabel: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  opinion: z.string(),
  userName: z.string(),
  roleLabel: z.string(),
  /** ISO instant, and the working date it counts for. */
  actedAt: z.string(),
  onDate: z.string(),
  /** The outcome this action fixed, if it was a deciding one, and the level of the step it was taken at. */
  outcome: z.enum(['approved', 'rejected']).nullable(),
  level: z.enum(['township', 'county']).nullable(),
  /** Findings recorded with the action, in Chinese (e.g. 家庭月收入: 1,000.00 元). */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type CaseHistoryEntry = z.infer<typeof caseHistoryEntrySchema>;

export const caseMemberSchema = z.object({
  personId: id,
  name: z.string(),
  idNumber: z.string(),
  relation: z.string().nullable(),
  age: z.number().int(),
  covered: z.boolean(),
});

export const caseDetailSchema = caseRowSchema.extend({
  definition: workflowDefSchema,
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  address: z.string(),
  hukouType: z.enum(['urban', 'rural']),
  phone: z.string().nullable(),
  members: z.array(caseMemberSchema),
  /** The application as recorded, in Chinese label/value pairs. */
  application: z.array(z.object({ label: z.string(), value: z.string() })),
  history: z.array(caseHistoryEntrySchema),
  /** How the amount comes about, line by line (标准、人均收入、保障人数、保底…). */
  amountLines: z.array(z.string()),
  /** The current step's choices for the signed-in user; each with why it is refused, if it is. */
  actions: z.array(z.object({ id: z.string(), label: z.string(), tone: z.enum(['primary', 'danger']).nullable(), refusal: z.string().nullable() })),
  form: z.enum(STEP_FORMS).nullable(),
  /** Values the form starts with (the last investigation's, or the application's). */
  formDefaults: actionDataSchema,
  canExtend: z.boolean(),
  extendedReason: z.string().nullable(),
  enrollmentId: z.string().nullable(),
  /** Change cases: the enrollment acted on, in brief. */
  enrollmentSummary: z.string().nullable(),
  /** An approved case that ended its enrollment: tapering or stopped, and the last month paid (for the 终止告知书). */
  ending: z.object({ status: z.enum(['tapering', 'stopped']), lastPaidMonth: z.string() }).nullable(),
  filingReviewedAt: z.string().nullable(),
  filingReviewedBy: z.string().nullable(),
  filingOpinion: z.string().nullable(),
  canReviewFiling: z.boolean(),
  /** 心理关爱个案: the grade of the last assessment, the crisis flag's note, and what the user may do besides the steps. */
  care: z
    .object({
      grade: z.enum(keys<PsychGrade>(PSYCH_GRADES)).nullable(),
      crisisSince: z.string().nullable(),
      crisisNote: z.string().nullable(),
      canFlagCrisis: z.boolean(),
      canFollowUp: z.boolean(),
    })
    .nullable(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const noticeRowSchema = z.object({
  caseId: id,
  caseNo: z.string(),
  villageName: z.string().nullable(),
  /** The applicant's name; never an ID number. */
  name: z.string(),
  program: z.enum(PROGRAMS),
  coveredCount: z.number().int(),
  amountFen: z.number().int().nullable(),
  noticeFrom: z.string(),
  noticeTo: z.string(),
});

export const reviewDueRowSchema = z.object({
  enrollmentId: id,
  householdId: id,
  program: z.enum(PROGRAMS),
  headName: z.string().nullable(),
  townshipName: z.string(),
  villageName: z.string().nullable(),
  monthlyAmountFen: z.number().int(),
  nextReviewOn: z.string(),
  unstableIncome: z.boolean(),
  openReviewCaseId: z.string().nullable(),
});

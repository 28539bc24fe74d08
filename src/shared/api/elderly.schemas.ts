/**
 * Wire shapes of elderly care: who turns 80, 90 or 100, survival checks (生存认证) of 高龄津贴, ability
 * assessments (能力综合评估), the file of elderly with special difficulties, their visits and the policy.
 */
import { z } from 'zod';
import { id, isoDate, month, optionalText, pagingFields, placeFields } from './primitives';
import { DUE_STATES, dueListsSchema, fileDueFields, filePersonFields, fileVisitSchema, visitInputFields } from './person-file.schemas';
import {
  ASSESSMENT_LEVELS,
  ASSESSMENT_MAX_SCORE,
  ELDER_DIFFICULTIES,
  ELDER_VISIT_KINDS,
  SURVIVAL_METHODS,
  SURVIVAL_PERIOD,
  SURVIVAL_RESULTS,
} from '../domain/elderly';
import { ENROLLMENT_STATUSES } from '../domain/programs';

const gaolingBandSchema = z.enum(['80', '90', '100']);

export const survivalPeriodSchema = z.string().regex(SURVIVAL_PERIOD, '认证期间应为 YYYY-H1（上半年）或 YYYY-H2（下半年）');
export const elderDifficultySchema = z.enum(ELDER_DIFFICULTIES);
export const elderVisitKindSchema = z.enum(ELDER_VISIT_KINDS);
export const survivalMethodSchema = z.enum(SURVIVAL_METHODS);
export const survivalResultSchema = z.enum(SURVIVAL_RESULTS);
export const assessmentLevelSchema = z.enum(ASSESSMENT_LEVELS);

// ---- 下月年满 80/90/100

export const turningRowSchema = z.object({
  personId: id,
  householdId: id,
  name: z.string(),
  /** Whole or masked by role (seesFullIdNumbers). */
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  ...placeFields,
  /** The age reached this month: 80, 90 or 100. */
  line: z.number().int(),
  /** The day it is reached (a 29 February birthday falls on 1 March in common years). */
  turnsOn: z.string(),
  /** The 高龄津贴 held now (在保 or 渐退), if any. */
  enrollment: z.object({ id, band: gaolingBandSchema.nullable(), status: z.enum(ENROLLMENT_STATUSES) }).nullable(),
  action: z.enum(['apply', 'raise', 'none']),
  actionText: z.string(),
});
export type TurningRow = z.infer<typeof turningRowSchema>;

export const turningInputSchema = z.object({
  /** 'YYYY-MM'; next month when left out. */
  month: month.optional(),
  townshipId: id.optional(),
});

export const turningOutputSchema = z.object({ month: z.string(), rows: z.array(turningRowSchema), truncated: z.boolean() });

// ---- 生存认证

export const survivalCheckSchema = z.object({
  id,
  period: z.string(),
  checkedOn: z.string(),
  method: survivalMethodSchema,
  result: survivalResultSchema,
  deceasedOn: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type SurvivalCheck = z.infer<typeof survivalCheckSchema>;

export const survivalRowSchema = z.object({
  enrollmentId: id,
  personId: id,
  householdId: id,
  name: z.string(),
  idNumber: z.string(),
  age: z.number().int(),
  band: gaolingBandSchema.nullable(),
  ...placeFields,
  enrollmentStatus: z.enum(ENROLLMENT_STATUSES),
  /** The last paid month once stopped. */
  endMonth: z.string().nullable(),
  check: survivalCheckSchema.nullable(),
});
export type SurvivalRow = z.infer<typeof survivalRowSchema>;

export const SURVIVAL_STATES = ['all', 'checked', 'missing'] as const;

export const survivalListInputSchema = z.object({
  period: survivalPeriodSchema,
  townshipId: id.optional(),
  state: z.enum(SURVIVAL_STATES).default('all'),
  /** Name, pinyin initials or ID number (whole or its last digits). */
  q: z.string().trim().max(30).optional(),
  ...pagingFields,
});

export const survivalListOutputSchema = z.object({
  today: z.string(),
  period: z.string(),
  periodEnd: z.string(),
  rows: z.array(survivalRowSchema),
  /** Rows matching the filter, for paging. */
  total: z.number().int(),
  /** Beneficiaries of the period in the chosen township (or all within reach), whatever the state filter. */
  totals: z.object({ all: z.number().int(), checked: z.number().int(), missing: z.number().int(), deceased: z.number().int() }),
  /**
   * Whether missing checks of this period may stop payment now (only the half-year just ended, after its
   * grace days), from when, and how many would stop county-wide.
   */
  stop: z.object({ policyStops: z.boolean(), allowedFrom: z.string(), allowed: z.boolean(), pending: z.number().int() }),
});

export const survivalRecordInputSchema = z.object({
  personId: id,
  period: survivalPeriodSchema,
  checkedOn: isoDate,
  method: survivalMethodSchema,
  result: survivalResultSchema,
  deceasedOn: isoDate.nullable().optional(),
});

export const stopMissingOutputSchema = z.object({
  /** Enrollments stopped, those whose check said deceased included. */
  stopped: z.number().int(),
  deceased: z.number().int(),
  skipped: z.array(z.object({ enrollmentId: id, personId: id, name: z.string(), message: z.string() })),
});

// ---- 能力综合评估

export const assessmentSchema = z.object({
  id,
  personId: id,
  assessedOn: z.string(),
  assessor: z.string(),
  organisation: z.string(),
  score: z.number().int().nullable(),
  level: assessmentLevelSchema,
  notes: z.string().nullable(),
  nextDueOn: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentInputSchema = z.object({
  personId: id,
  assessedOn: isoDate,
  assessor: z.string().trim().min(1, '请填写评估人员').max(30),
  organisation: z.string().trim().min(1, '请填写评估机构').max(60),
  score: z.number().int().min(0).max(ASSESSMENT_MAX_SCORE).nullable().default(null),
  level: assessmentLevelSchema,
  notes: optionalText(500),
});

// ---- 特殊困难老年人

export const elderRowSchema = z.object({
  ...filePersonFields,
  difficulties: z.array(elderDifficultySchema),
  contactName: z.string().nullable(),
  ...placeFields,
  ...fileDueFields,
});
export type ElderRow = z.infer<typeof elderRowSchema>;

export const elderVisitSchema = fileVisitSchema(elderVisitKindSchema);
export type ElderVisit = z.infer<typeof elderVisitSchema>;

export const elderFieldsSchema = z.object({
  difficulties: z.array(elderDifficultySchema).min(1, '请至少选择一项困难类型').max(ELDER_DIFFICULTIES.length),
  contactName: optionalText(30),
  contactPhone: optionalText(30),
});
export type ElderFields = z.infer<typeof elderFieldsSchema>;

export const elderDetailSchema = elderRowSchema.extend({
  /** True when the viewer's role sees this file masked: contact, findings and assessments' notes are withheld. */
  masked: z.boolean(),
  contactPhone: z.string().nullable(),
  openedOn: z.string(),
  closeReason: z.string().nullable(),
  visits: z.array(elderVisitSchema),
  assessments: z.array(assessmentSchema),
});
export type ElderDetail = z.infer<typeof elderDetailSchema>;

export const elderFilterSchema = z.object({
  townshipId: id.optional(),
  state: z.enum(DUE_STATES).optional(),
  difficulty: elderDifficultySchema.optional(),
  q: z.string().trim().max(30).optional(),
  ...pagingFields,
});

export const elderVisitInputSchema = z.object({ personId: id, ...visitInputFields(elderVisitKindSchema) });

export const elderDueOutputSchema = dueListsSchema(elderRowSchema);

export const elderPolicySchema = z.object({
  survivalStopsPayment: z.boolean(),
  graceDays: z.number().int().min(0, '宽限天数为 0–60 天').max(60, '宽限天数为 0–60 天'),
  visitMonths: z.object(Object.fromEntries(ELDER_DIFFICULTIES.map((d) => [d, z.number().int().min(1).max(12)])) as Record<(typeof ELDER_DIFFICULTIES)[number], z.ZodNumber>),
  dueSoonDays: z.number().int().min(1).max(31),
});

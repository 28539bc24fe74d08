/**
 * Statistical forms, payment rosters and the manager's trends. A form is computed "as of" its period from
 * the enrollments' history; every numeric cell can be drilled down to the named rows behind it, and a
 * submitted (上报) period keeps its frozen values, with later corrections shown as differences.
 */
import { z } from 'zod';
import { PROGRAMS } from '../domain/programs';
import { PERIOD_PATTERN } from '../domain/reports/periods';

export const REPORT_FORMS = ['assistance-monthly', 'change-monthly', 'payment-roster'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

export const REPORT_FORM_LABELS: Record<ReportForm, string> = {
  'assistance-monthly': '社会救助情况统计表',
  'change-monthly': '保障对象变动情况表',
  'payment-roster': '资金发放花名册',
};

/** A month (2026-11) or, for the assistance form, a quarter (2026-Q4). */
export const reportPeriodSchema = z.string().regex(PERIOD_PATTERN, '期间格式应为 YYYY-MM 或 YYYY-Q1…Q4');

export const reportRequestSchema = z.object({
  form: z.enum(REPORT_FORMS),
  period: reportPeriodSchema,
  /** The payment roster's program. */
  program: z.enum(PROGRAMS).optional(),
  /** County roles may narrow to one township; a township clerk always sees their own. */
  townshipId: z.string().min(1).max(64).optional(),
});
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** households, persons and cases (人次) are counts; fen is money in fen (分); percent is 环比; text is a name. */
export const REPORT_UNITS = ['households', 'persons', 'cases', 'fen', 'percent', 'text'] as const;

export const reportColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Header group above the label (城市低保, 特困 …), for the two-level header. */
  group: z.string().nullable(),
  unit: z.enum(REPORT_UNITS),
  /** The 合计 row sums this column; not for 环比 or text. */
  additive: z.boolean(),
  /** A cell of this column lists the rows behind it. */
  drillable: z.boolean(),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

const cellValue = z.union([z.number(), z.string(), z.null()]);

export const reportRowSchema = z.object({
  /** Township id on a form, the enrollment id on a payment roster. */
  key: z.string(),
  /** The township the row belongs to (what a township clerk's view keeps); null for 合计. */
  townshipId: z.string().nullable(),
  label: z.string(),
  values: z.array(cellValue),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSnapshotInfoSchema = z.object({
  submittedAt: z.string(),
  submittedBy: z.string(),
});

export const reportDifferenceSchema = z.object({
  rowKey: z.string(),
  rowLabel: z.string(),
  columnKey: z.string(),
  columnLabel: z.string(),
  submitted: cellValue,
  current: cellValue,
});
export type ReportDifference = z.infer<typeof reportDifferenceSchema>;

export const reportResultSchema = z.object({
  form: z.enum(REPORT_FORMS),
  title: z.string(),
  period: reportPeriodSchema,
  /** 2026年11月, 2026年第四季度. */
  periodLabel: z.string(),
  program: z.enum(PROGRAMS).nullable(),
  countyName: z.string(),
  /** 单位：户、人、元. */
  unitLine: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(reportRowSchema),
  total: reportRowSchema,
  /** Set when the period was submitted: rows and total are then the frozen values. */
  snapshot: reportSnapshotInfoSchema.nullable(),
  /** Cells where the ledger now says otherwise than the submitted snapshot. */
  differences: z.array(reportDifferenceSchema),
  /** Whether this user may submit the period now. */
  canSubmit: z.boolean(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

export const drillRequestSchema = reportRequestSchema.extend({
  /** A row key, or '__total' for the 合计 row. */
  rowKey: z.string().min(1).max(64),
  columnKey: z.string().min(1).max(64),
});
export type DrillRequest = z.infer<typeof drillRequestSchema>;

export const drillRowSchema = z.object({
  /** The household behind the row; null for rows of people outside the ledger (rescued vagrants). */
  householdId: z.string().nullable(),
  personId: z.string().nullable(),
  caseId: z.string().nullable(),
  name: z.string(),
  /** Masked for roles that do not see whole ID numbers. */
  idNumber: z.string().nullable(),
  township: z.string(),
  village: z.string().nullable(),
  /** What this row contributes to the cell: 1 person, 1 household, an amount in fen … */
  value: z.number(),
  detail: z.string(),
});
export type DrillRow = z.infer<typeof drillRowSchema>;

export const drillResultSchema = z.object({
  title: z.string(),
  unit: z.enum(REPORT_UNITS),
  /** Equal to the cell. */
  total: z.number(),
  rows: z.array(drillRowSchema),
});
export type DrillResult = z.infer<typeof drillResultSchema>;

export const trendsSchema = z.object({
  months: z.array(z.string()),
  series: z.array(
    z.object({
      program: z.enum(PROGRAMS),
      label: z.string(),
      households: z.array(z.number()),
      persons: z.array(z.number()),
      spendingFen: z.array(z.number()),
    }),
  ),
});
export type Trends = z.infer<typeof trendsSchema>;

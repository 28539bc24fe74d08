/** Wire shapes of rescue records (流浪乞讨人员救助): the record, its list and the monthly counts. */
import { z } from 'zod';
import { id, validIsoDate as isoDate, optionalText } from './primitives';
import { FOUND_BY, RESCUE_OUTCOMES, RESCUE_SERVICES, RESCUE_STATES } from '../domain/vagrant';


export const foundBySchema = z.enum(FOUND_BY);
export const rescueOutcomeSchema = z.enum(RESCUE_OUTCOMES);
export const rescueServiceSchema = z.enum(RESCUE_SERVICES);
export const sexSchema = z.enum(['male', 'female'], '请选择性别');

/**
 * What a clerk records: where and when the person was found, who they are (or what they look like when
 * nobody knows), the stay and the services, and once they leave, the day, the outcome and where to.
 * Rules across fields (identity, dates, destination) are checked by the service, each at its field.
 */
export const rescueFieldsSchema = z.object({
  /** The township where the person was found: the form counts the rescue there. */
  townshipId: id,
  foundOn: isoDate,
  foundPlace: z.string().trim().min(2, '请填写发现地点（至少 2 个字）').max(100),
  foundBy: foundBySchema,
  identityKnown: z.boolean(),
  name: optionalText(30),
  idNumber: optionalText(30),
  sex: sexSchema,
  /** For a person without a known birth date (no ID number). */
  estimatedAge: z.number().int().min(0, '估计年龄应在 0–120 岁之间').max(120, '估计年龄应在 0–120 岁之间').nullable().default(null),
  /** 体貌特征: how to recognise someone whose identity is unknown. */
  description: optionalText(500),
  nativePlace: optionalText(60),
  admittedOn: isoDate,
  services: z
    .array(rescueServiceSchema)
    .max(RESCUE_SERVICES.length)
    .default([])
    .transform((list) => RESCUE_SERVICES.filter((s) => list.includes(s))),
  leftOn: isoDate.nullable().default(null),
  outcome: rescueOutcomeSchema.nullable().default(null),
  destination: optionalText(100),
  notes: optionalText(500),
});
export type RescueFields = z.output<typeof rescueFieldsSchema>;

export const rescueUpdateSchema = rescueFieldsSchema.extend({ id, version: z.number().int().min(0) });

export const rescueFilterSchema = z.object({
  townshipId: id.optional(),
  /** The month of admission, YYYY-MM. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  state: z.enum(RESCUE_STATES).optional(),
  /** Name, ID number (whole or its last digits), rescue number or place found. */
  q: z.string().trim().max(30).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

/** A rescue in a list. Names and ID numbers are masked for roles without need (seesRescueRecords). */
export const rescueRowSchema = z.object({
  id,
  rescueNo: z.string(),
  townshipId: id,
  townshipName: z.string(),
  foundOn: z.string(),
  foundPlace: z.string(),
  foundBy: foundBySchema,
  identityKnown: z.boolean(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  sex: sexSchema,
  /** From the ID number when there is one, else the estimate. */
  age: z.number().int().nullable(),
  estimatedAge: z.number().int().nullable(),
  nativePlace: z.string().nullable(),
  admittedOn: z.string(),
  leftOn: z.string().nullable(),
  outcome: rescueOutcomeSchema.nullable(),
  destination: z.string().nullable(),
  /** Days in the station so far (in station) or in all (left); at least 1. */
  stayDays: z.number().int(),
  services: z.array(rescueServiceSchema),
  version: z.number().int(),
});
export type RescueRow = z.infer<typeof rescueRowSchema>;

export const rescueDetailSchema = rescueRowSchema.extend({
  /** True when the viewer's role sees the name and ID number masked. */
  masked: z.boolean(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RescueDetail = z.infer<typeof rescueDetailSchema>;

export const rescueMonthSchema = z.object({
  /** YYYY-MM, or null on the year's 合计. */
  month: z.string().nullable(),
  /** 救助人次: admitted in the month. */
  rescues: z.number().int(),
  escortedHome: z.number().int(),
  familyPickup: z.number().int(),
  transferred: z.number().int(),
  /** 自行离站, 落户安置, 死亡. */
  otherExits: z.number().int(),
  /** Average stay of those who left in the month, one decimal; null when nobody left. */
  averageStayDays: z.number().nullable(),
  /** In the station at the month's end (at today for the current month); null for months still to come. */
  inStationAtEnd: z.number().int().nullable(),
});
export type RescueMonth = z.infer<typeof rescueMonthSchema>;

export const rescueMonthlySchema = z.object({
  year: z.number().int(),
  today: z.string(),
  months: z.array(rescueMonthSchema),
  /** Sums of the months; the average over everyone who left in the year; in station at the last counted month's end. */
  total: rescueMonthSchema,
});
export type RescueMonthly = z.infer<typeof rescueMonthlySchema>;

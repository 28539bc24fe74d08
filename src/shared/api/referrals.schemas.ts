/** Wire shapes of referrals (转介) and the organisations they go to (帮扶机构). */
import { z } from 'zod';
import { id, isoDate, optionalText } from './primitives';
import { personCandidateSchema } from './person-file.schemas';
import { NEED_KINDS, ORGANISATION_KINDS, REFERRAL_STATUSES } from '../domain/referrals';


export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export const needKindSchema = z.enum(NEED_KINDS);
export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
/** The list's status filter: a group (open, overdue, closed) or one status. */
export const REFERRAL_STATUS_FILTERS = ['open', 'overdue', 'closed', ...REFERRAL_STATUSES] as const;
export type ReferralStatusFilter = (typeof REFERRAL_STATUS_FILTERS)[number];

export const organisationSchema = z.object({
  id,
  name: z.string(),
  kind: organisationKindSchema,
  services: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  /** Null: serves the whole county. */
  townshipId: id.nullable(),
  townshipName: z.string().nullable(),
  active: z.boolean(),
  /** Referrals to it still open. */
  openReferrals: z.number().int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationInputSchema = z.object({
  id: id.optional(),
  name: z.string().trim().min(2, '请填写机构名称（至少 2 个字）').max(60),
  kind: organisationKindSchema,
  services: optionalText(300),
  contactName: optionalText(30),
  phone: optionalText(30),
  townshipId: id.nullable(),
  active: z.boolean().default(true),
});

/** A referral in a list. Names and ID numbers are masked for roles without need (seesReferralRecords). */
export const referralRowSchema = z.object({
  id,
  referralNo: z.string(),
  householdId: id,
  /** The member whose need it is; null when it is the household's. */
  personId: id.nullable(),
  personName: z.string().nullable(),
  headName: z.string().nullable(),
  /** The ID number of the member, or of the head for a household's need. */
  idNumber: z.string().nullable(),
  townshipId: id,
  townshipName: z.string(),
  villageName: z.string().nullable(),
  needKind: needKindSchema,
  organisationId: id,
  organisationName: z.string(),
  organisationKind: organisationKindSchema,
  referredOn: z.string(),
  dueOn: z.string(),
  status: referralStatusSchema,
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  caseId: id.nullable(),
  caseNo: z.string().nullable(),
  version: z.number().int(),
});
export type ReferralRow = z.infer<typeof referralRowSchema>;

export const referralEventSchema = z.object({
  seq: z.number().int(),
  status: referralStatusSchema,
  onDate: z.string(),
  /** Null when there is none, or for roles without need. */
  note: z.string().nullable(),
  userName: z.string(),
  actedAt: z.string(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const referralDetailSchema = referralRowSchema.extend({
  /** True when the viewer's role sees this referral masked: need, outcome and notes are then withheld. */
  masked: z.boolean(),
  need: z.string().nullable(),
  outcome: z.string().nullable(),
  organisationPhone: z.string().nullable(),
  organisationContact: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  events: z.array(referralEventSchema),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralFilterSchema = z.object({
  townshipId: id.optional(),
  status: z.enum(REFERRAL_STATUS_FILTERS).optional(),
  needKind: needKindSchema.optional(),
  /** Name, pinyin initials or ID number (its start or last digits) of the person concerned. */
  q: z.string().trim().max(30).optional(),
  caseId: id.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(200).default(50),
});

export const referralListSchema = z.object({
  rows: z.array(referralRowSchema),
  total: z.number().int(),
  /** Overdue referrals under the same filters, whatever status was asked for. */
  overdueTotal: z.number().int(),
  today: z.string(),
});

export const referralCreateSchema = z.object({
  householdId: id,
  personId: id.nullable().optional(),
  needKind: needKindSchema,
  need: z.string().trim().min(2, '请写明需求（至少 2 个字）').max(500),
  organisationId: id,
  referredOn: isoDate,
  dueOn: isoDate,
  caseId: id.nullable().optional(),
});

export const referralUpdateSchema = z.object({
  id,
  version: z.number().int().min(0),
  status: referralStatusSchema,
  onDate: isoDate,
  note: optionalText(500),
  outcome: optionalText(500),
});

/** A person a referral may be made for, found by name or ID number, with their household. */
export const referralCandidateSchema = personCandidateSchema.extend({
  householdId: id,
  isHead: z.boolean(),
  headName: z.string().nullable(),
});
export type ReferralCandidate = z.infer<typeof referralCandidateSchema>;

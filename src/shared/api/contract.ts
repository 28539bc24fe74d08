/**
 * The one contract between the UI and the backend. Every capability is a method here with zod schemas
 * for its input and output and an access rule; the router in main validates, checks access and runs
 * the handler. Wire types are JSON: dates 'YYYY-MM-DD', money integer fen, ids strings.
 */
import { z } from 'zod';
import { CARE_WORKERS, CASE_WORKERS, COUNTY_REVIEWERS, ROLES, type Role } from '../domain/roles';
import { COUNTY_CODE, TOWNSHIP_CODE, VILLAGE_CODE } from '../domain/region-codes';
import { PASSWORD_MAX_LENGTH } from '../domain/password';
import { HUKOU_TYPES, RELATIONS } from '../domain/household';
import { ENROLLMENT_STATUSES, PROGRAMS } from '../domain/programs';
import { STANDARD_ITEM_CODES } from '../domain/standards';
import {
  actionDataSchema,
  caseDetailSchema,
  caseInboxInputSchema,
  caseKindSchema,
  caseRefSchema,
  crisisInputSchema,
  followUpInputSchema,
  caseRowSchema,
  noticeRowSchema,
  opinionSchema,
  reviewDueRowSchema,
  startCaseSchema,
  workflowDefSchema,
  workflowOverridesSchema,
  workflowPolicySchema,
} from './cases.schemas';
import {
  backupCheckSchema,
  backupCreateInputSchema,
  backupFileInputSchema,
  backupPolicySchema,
  backupRestoreInputSchema,
  backupRestoreResultSchema,
  backupResultSchema,
  backupStatusSchema,
} from './backup.schemas';
import { auditFilterSchema, auditListInputSchema } from './audit.schemas';
import { importBatchSchema, importPreviewSchema, importResultSchema, importSettingsSchema } from './imports.schemas';
import {
  childDetailSchema,
  childDirectorSchema,
  childFieldsSchema,
  childFilterSchema,
  childRowSchema,
  directorInputSchema,
  visitInputSchema,
  visitPolicySchema,
} from './care.schemas';
import {
  organisationInputSchema,
  organisationSchema,
  referralCandidateSchema,
  referralCreateSchema,
  referralDetailSchema,
  referralFilterSchema,
  referralListSchema,
  referralUpdateSchema,
} from './referrals.schemas';
import { drillRequestSchema, drillResultSchema, reportRequestSchema, reportResultSchema, trendsSchema } from './reports.schemas';
import { rescueDetailSchema, rescueFieldsSchema, rescueFilterSchema, rescueMonthlySchema, rescueRowSchema, rescueUpdateSchema } from './vagrant.schemas';
import {
  assessmentInputSchema,
  assessmentSchema,
  elderDetailSchema,
  elderDueOutputSchema,
  elderFieldsSchema,
  elderFilterSchema,
  elderPolicySchema,
  elderRowSchema,
  elderVisitInputSchema,
  stopMissingOutputSchema,
  survivalListInputSchema,
  survivalListOutputSchema,
  survivalPeriodSchema,
  survivalRecordInputSchema,
  turningInputSchema,
  turningOutputSchema,
} from './elderly.schemas';
import { dueListsSchema, fileListSchema, personCandidateSchema } from './person-file.schemas';
import { id, isoDate, month } from './primitives';
import { DISABILITY_CATEGORIES, HEALTH_STATES, SCHOOL_STATES, SELF_CARE_LEVELS } from '../domain/person-attributes';

export type Access =
  /** Anyone, signed in or not (setup, login). */
  | { kind: 'public' }
  /**
   * Signed-in users of these roles. `townshipField` names the input field holding a township id: a
   * township-bound user may only pass their own. `whileLocked` lets the method run on a locked session.
   */
  | { kind: 'user'; roles: readonly Role[] | 'any'; townshipField?: string; whileLocked?: boolean };

// Chinese messages for every validation failure, in main and in the renderer alike.
z.config(z.locales.zhCN());

const PUBLIC = { kind: 'public' } as const satisfies Access;
const ANY_USER = { kind: 'user', roles: 'any' } as const satisfies Access;
const ADMIN = { kind: 'user', roles: ['admin'] } as const satisfies Access;
const LEDGER_EDITOR = { kind: 'user', roles: ['admin', 'county_clerk', 'county_reviewer', 'township_clerk'] } as const satisfies Access;
/** Everyone who works cases; which step each may act on is the workflow's rule, checked by the engine. */
const CASE_WORKER = { kind: 'user', roles: CASE_WORKERS } as const satisfies Access;
/** Who may read township rosters in: the county's clerks and the administrator, township clerks for their own township. */
const REPORT_READER = { kind: 'user', roles: 'any', townshipField: 'townshipId' } as const satisfies Access;
const IMPORTER = { kind: 'user', roles: ['admin', 'county_clerk', 'county_reviewer', 'township_clerk'], townshipField: 'townshipId' } as const satisfies Access;

const text = (max: number) => z.string().trim().min(1).max(max);
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{1,31}$/, '用户名须以字母开头，由 2–32 位字母、数字、下划线、点或连字符组成');
const nothing = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const roleSchema = z.enum(ROLES);

export const countySchema = z.object({ name: z.string(), code: z.string() });

export const sessionUserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  townshipId: z.string().nullable(),
  townshipName: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionInfoSchema = z.object({
  user: sessionUserSchema,
  county: countySchema,
  idleLockMinutes: z.number().int(),
  locked: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const townshipSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  villageCount: z.number().int(),
});
export type Township = z.infer<typeof townshipSchema>;

export const VILLAGE_KINDS = ['village', 'community'] as const;
export const villageSchema = z.object({
  id,
  townshipId: id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(VILLAGE_KINDS),
  active: z.boolean(),
});
export type Village = z.infer<typeof villageSchema>;

export const userSchema = sessionUserSchema.extend({
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Why, as written with the change. */
  reason: z.string().nullable(),
  /** The household whose timeline shows the entry. */
  householdId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** First entry that fails, when not ok. */
  brokenAtSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;


// ---- the people ledger ----
export const programSchema = z.enum(PROGRAMS);
export const enrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES);
const reason = z.string().trim().min(2, '请写明修改原因（至少 2 个字）').max(200);
/** What a register form's person search sends (child and elder files, referrals). */
const candidateSearch = z.object({ q: z.string().trim().min(1).max(30) });
/** Closing a child's or an elder's file: its visits stop being due. */
const closeFileInput = z.object({ personId: id, closedOn: isoDate, reason });
/** A visit or assessment recorded, and when the next one is due. */
const recordedWithNextDue = z.object({ id, nextDueOn: z.string() });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const keys = (o: object) => Object.keys(o) as [string, ...string[]];

/** What a clerk types for a person; sex and birth date are never typed, they come from the ID. */
export const memberInputSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(30),
  relation: z.enum(RELATIONS),
  ethnicity: optionalText(10),
  disabilityCategory: z.enum(keys(DISABILITY_CATEGORIES)).nullable().optional(),
  disabilityGrade: z.number().int().min(1).max(4).nullable().optional(),
  selfCare: z.enum(keys(SELF_CARE_LEVELS)).nullable().optional(),
  health: z.enum(keys(HEALTH_STATES)).nullable().optional(),
  schoolStatus: z.enum(keys(SCHOOL_STATES)).nullable().optional(),
  notes: optionalText(500),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const householdFieldsSchema = z.object({
  villageId: id.nullable(),
  address: z.string().trim().min(1, '请填写家庭住址').max(100),
  hukouType: z.enum(HUKOU_TYPES),
  phone: optionalText(30).transform((v) => v ?? null),
  bankName: optionalText(40),
  /** Digits; or, from a role that sees it masked, the unchanged mask (meaning: keep it). */
  bankAccount: z.string().trim().regex(/^[\d\s*]{6,30}$/, '银行账号应为 6–30 位数字').nullable().optional(),
  notes: optionalText(500),
});

export const enrollmentBriefSchema = z.object({ program: programSchema, status: enrollmentStatusSchema, monthlyAmountFen: z.number().int() });

export const personRowSchema = z.object({
  id,
  name: z.string(),
  /** Masked (431122********1234) for roles that do not need whole numbers. */
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  relation: z.string().nullable(),
  householdId: id,
  headName: z.string().nullable(),
  townshipName: z.string(),
  villageName: z.string().nullable(),
  programs: z.array(enrollmentBriefSchema),
});
export type PersonRow = z.infer<typeof personRowSchema>;

export const householdRowSchema = z.object({
  id,
  headName: z.string().nullable(),
  headIdNumber: z.string().nullable(),
  townshipName: z.string(),
  villageName: z.string().nullable(),
  address: z.string(),
  hukouType: z.enum(HUKOU_TYPES),
  memberCount: z.number().int(),
  programs: z.array(enrollmentBriefSchema),
  monthlyTotalFen: z.number().int(),
});
export type HouseholdRow = z.infer<typeof householdRowSchema>;

export const ledgerFilterSchema = z.object({
  kind: z.enum(['households', 'persons']),
  /** Name, pinyin initials (张三 -> zs), or a whole or partial ID number (its start or its end). */
  q: z.string().trim().max(30).optional(),
  townshipId: id.optional(),
  villageId: id.optional(),
  program: programSchema.optional(),
  /** Enrollment status within `program` (or any program); default: covered (在保 or 渐退). */
  status: enrollmentStatusSchema.optional(),
  category: z.string().max(30).optional(),
  ageMin: z.number().int().min(0).max(130).optional(),
  ageMax: z.number().int().min(0).max(130).optional(),
});
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

export const enrollmentSchema = z.object({
  id,
  program: programSchema,
  category: z.string().nullable(),
  status: enrollmentStatusSchema,
  personIds: z.array(id),
  startMonth: z.string(),
  endMonth: z.string().nullable(),
  monthlyAmountFen: z.number().int(),
  standardFen: z.number().int().nullable(),
  standardFrom: z.string().nullable(),
  source: z.string(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const memberSchema = z.object({
  id,
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  relation: z.enum(RELATIONS),
  ethnicity: z.string().nullable(),
  disabilityCategory: z.string().nullable(),
  disabilityGrade: z.number().int().nullable(),
  selfCare: z.string().nullable(),
  health: z.string().nullable(),
  schoolStatus: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const householdDetailSchema = z.object({
  id,
  townshipId: id,
  townshipName: z.string(),
  villageId: z.string().nullable(),
  villageName: z.string().nullable(),
  address: z.string(),
  hukouType: z.enum(HUKOU_TYPES),
  phone: z.string().nullable(),
  bankName: z.string().nullable(),
  /** Masked like ID numbers for roles that do not need it. */
  bankAccount: z.string().nullable(),
  notes: z.string().nullable(),
  headPersonId: z.string().nullable(),
  members: z.array(memberSchema),
  enrollments: z.array(enrollmentSchema),
  monthlyTotalFen: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdDetail = z.infer<typeof householdDetailSchema>;

export const timelineEntrySchema = auditEntrySchema.omit({ before: true, after: true, householdId: true }).extend({
  reason: z.string().nullable(),
  /** Field-by-field changes in Chinese, e.g. { field: '家庭住址', before: '…', after: '…' }. */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  summary: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const ageEventSchema = z.object({
  personId: id,
  householdId: id,
  name: z.string(),
  idNumber: z.string(),
  townshipName: z.string(),
  villageName: z.string().nullable(),
  age: z.number().int(),
  /** One of AGE_LINES: 16, 18, 60, 80, 90, 100. */
  line: z.number().int(),
  date: z.string(),
  message: z.string(),
  programs: z.array(programSchema),
});
export type AgeEvent = z.infer<typeof ageEventSchema>;

export const memberProblemSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });

export const standardVersionSchema = z.object({
  id,
  item: z.string(),
  label: z.string(),
  amountFen: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
});

export const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  /** 'official' (shipped) or 'local' (entered by the administrator). */
  source: z.enum(['official', 'local']),
});
export type CalendarDayRow = z.infer<typeof calendarDaySchema>;

export const fileDeliverySchema = z.discriminatedUnion('kind', [
  /** Browser: fetch the file from this same-origin URL once (it expires after a few minutes). */
  z.object({ kind: z.literal('download'), url: z.string(), fileName: z.string(), rows: z.number().int() }),
  /** Desktop: written where the user chose in the save dialog. */
  z.object({ kind: z.literal('saved'), path: z.string(), fileName: z.string(), rows: z.number().int() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type FileDelivery = z.infer<typeof fileDeliverySchema>;

const method = <A extends Access, I extends z.ZodType, O extends z.ZodType>(def: { access: A; input: I; output: O }) => def;

export const contract = {
  'setup.status': method({
    access: PUBLIC,
    input: nothing,
    output: z.object({ initialized: z.boolean(), county: countySchema.nullable() }),
  }),
  'setup.create': method({
    access: PUBLIC,
    input: z.object({
      countyName: text(40),
      countyCode: z.string().regex(COUNTY_CODE, '县级行政区划代码应为 6 位数字'),
      adminUsername: username,
      adminDisplayName: text(20),
      adminPassword: password,
    }),
    output: z.object({ recoveryCode: z.string() }),
  }),
  'auth.session': method({ access: PUBLIC, input: nothing, output: z.object({ session: sessionInfoSchema.nullable() }) }),
  'auth.login': method({ access: PUBLIC, input: z.object({ username: z.string().trim().min(1).max(32), password }), output: sessionInfoSchema }),
  'auth.recover': method({
    access: PUBLIC,
    input: z.object({ recoveryCode: z.string().trim().min(1).max(64), username: username, newPassword: password }),
    output: ok,
  }),
  'auth.logout': method({ access: { kind: 'user', roles: 'any', whileLocked: true }, input: nothing, output: ok }),
  'auth.lock': method({ access: { kind: 'user', roles: 'any', whileLocked: true }, input: nothing, output: ok }),
  'auth.unlock': method({ access: { kind: 'user', roles: 'any', whileLocked: true }, input: z.object({ password }), output: sessionInfoSchema }),
  'auth.heartbeat': method({ access: ANY_USER, input: nothing, output: ok }),
  'auth.changePassword': method({ access: ANY_USER, input: z.object({ currentPassword: password, newPassword: password }), output: ok }),
  'jobs.cancel': method({ access: ANY_USER, input: z.object({ jobId: id }), output: z.object({ cancelled: z.boolean() }) }),

  'workspace.overview': method({
    access: ANY_USER,
    input: nothing,
    output: z.object({
      county: countySchema,
      scopeTownship: z.object({ id, name: z.string() }).nullable(),
      townships: z.number().int(),
      villages: z.number().int(),
      activeUsers: z.number().int(),
      households: z.number().int(),
      persons: z.number().int(),
    }),
  }),

  'regions.townships': method({ access: ANY_USER, input: nothing, output: z.array(townshipSchema) }),
  'regions.villages': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ townshipId: id }),
    output: z.array(villageSchema),
  }),
  'regions.saveTownship': method({
    access: ADMIN,
    input: z.object({
      id: id.optional(),
      code: z.string().regex(TOWNSHIP_CODE, '乡镇（街道）代码应为 9 位数字'),
      name: text(40),
      active: z.boolean().default(true),
    }),
    output: townshipSchema,
  }),
  'regions.saveVillage': method({
    access: ADMIN,
    input: z.object({
      id: id.optional(),
      townshipId: id,
      code: z.string().regex(VILLAGE_CODE, '村（社区）代码应为 12 位数字'),
      name: text(40),
      kind: z.enum(VILLAGE_KINDS),
      active: z.boolean().default(true),
    }),
    output: villageSchema,
  }),

  'users.list': method({ access: ADMIN, input: nothing, output: z.array(userSchema) }),
  'users.create': method({
    access: ADMIN,
    input: z.object({ username, displayName: text(20), role: roleSchema, townshipId: id.nullable(), password }),
    output: userSchema,
  }),
  'users.update': method({
    access: ADMIN,
    input: z.object({ id, displayName: text(20), role: roleSchema, townshipId: id.nullable() }),
    output: userSchema,
  }),
  'users.setActive': method({
    access: ADMIN,
    input: z.object({ id, active: z.boolean(), newPassword: password.optional() }),
    output: userSchema,
  }),
  'users.resetPassword': method({ access: ADMIN, input: z.object({ id, newPassword: password }), output: ok }),

  'settings.get': method({
    access: ANY_USER,
    input: nothing,
    output: z.object({ county: countySchema, idleLockMinutes: z.number().int() }),
  }),
  'settings.update': method({
    access: ADMIN,
    input: z.object({ countyName: text(40), idleLockMinutes: z.number().int().min(1).max(240) }),
    output: z.object({ county: countySchema, idleLockMinutes: z.number().int() }),
  }),

  /** The log filtered, newest first, a page at a time, with the exact number of entries the filter finds. */
  'audit.list': method({
    access: ADMIN,
    input: auditListInputSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  }),
  'audit.verify': method({ access: ADMIN, input: nothing, output: auditVerifySchema }),
  /** The filtered log for inspectors as a workbook: what was asked, by whom, the chain's state and head; recorded itself. */
  'audit.export': method({ access: ADMIN, input: auditFilterSchema, output: fileDeliverySchema }),

  'backup.status': method({ access: ADMIN, input: nothing, output: backupStatusSchema }),
  'backup.setPolicy': method({ access: ADMIN, input: backupPolicySchema, output: backupPolicySchema }),
  /** Backs up now into the policy's folder, or into `folder` when given; the copy is verified before it is kept. */
  'backup.create': method({ access: ADMIN, input: backupCreateInputSchema, output: backupResultSchema }),
  /** Reads every byte of a backup and opens its ledger copy, without restoring it. */
  'backup.check': method({ access: ADMIN, input: backupFileInputSchema, output: backupCheckSchema }),
  /** Replaces the ledger by a verified backup of it; every session ends and users sign in again. */
  'backup.restore': method({ access: ADMIN, input: backupRestoreInputSchema, output: backupRestoreResultSchema }),

  'ledger.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: ledgerFilterSchema.extend({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(10).max(200).default(50) }),
    output: z.object({
      rows: z.array(z.union([personRowSchema, householdRowSchema])),
      /** Exact up to 10,000; beyond that `totalIsLowerBound` is true. */
      total: z.number().int(),
      totalIsLowerBound: z.boolean(),
    }),
  }),
  'households.get': method({ access: ANY_USER, input: z.object({ id }), output: householdDetailSchema }),
  'households.timeline': method({ access: ANY_USER, input: z.object({ id }), output: z.array(timelineEntrySchema) }),
  'households.checkMembers': method({
    access: LEDGER_EDITOR,
    input: z.object({ householdId: id.optional(), members: z.array(z.object({ name: z.string().max(30), idNumber: z.string().max(30), relation: z.enum(RELATIONS).optional() })).max(30) }),
    output: z.object({ problems: z.array(memberProblemSchema) }),
  }),
  'households.create': method({
    access: { ...LEDGER_EDITOR, townshipField: 'townshipId' },
    input: householdFieldsSchema.extend({ townshipId: id, members: z.array(memberInputSchema).min(1, '至少登记一名家庭成员').max(30) }),
    output: z.object({ id }),
  }),
  'households.update': method({ access: LEDGER_EDITOR, input: householdFieldsSchema.extend({ id, reason }), output: ok }),
  'persons.update': method({ access: LEDGER_EDITOR, input: memberInputSchema.extend({ id, reason }), output: ok }),
  'persons.add': method({ access: LEDGER_EDITOR, input: z.object({ householdId: id, member: memberInputSchema, reason }), output: z.object({ id }) }),
  'enrollments.createInitial': method({
    access: ADMIN,
    input: z.object({
      householdId: id,
      program: programSchema,
      personIds: z.array(id).max(30),
      category: z.string().max(30).nullable(),
      startMonth: month,
      monthlyAmountFen: z.number().int().min(0).max(100_000_00),
      reason,
    }),
    output: z.object({ id }),
  }),
  'standards.list': method({ access: ANY_USER, input: nothing, output: z.array(standardVersionSchema) }),
  'standards.save': method({
    access: ADMIN,
    input: z.object({ item: z.enum(STANDARD_ITEM_CODES), amountFen: z.number().int().min(0).max(100_000_00), effectiveFrom: isoDate, note: optionalText(200) }),
    output: standardVersionSchema,
  }),
  'ageEvents.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ withinDays: z.number().int().min(1).max(366).default(30), townshipId: id.optional() }),
    output: z.object({ today: z.string(), upcoming: z.array(ageEventSchema), overdue: z.array(ageEventSchema) }),
  }),
  'calendar.year': method({
    access: ANY_USER,
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.object({
      year: z.number().int(),
      /** Whether this year's arrangement (its 春节 at least) is entered; without it, only weekends are days off. */
      covered: z.boolean(),
      days: z.array(calendarDaySchema),
      workingDays: z.number().int(),
    }),
  }),
  'calendar.saveDay': method({
    access: ADMIN,
    input: z.object({
      date: isoDate,
      /** A day off, a make-up working day (调休, on a weekend), or null to return the day to normal. */
      kind: z.enum(['holiday', 'workday']).nullable(),
      name: z.string().trim().max(20).default(''),
    }),
    output: ok,
  }),
  'exports.roster': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: ledgerFilterSchema,
    output: fileDeliverySchema,
  }),

  'cases.start': method({ access: CASE_WORKER, input: startCaseSchema, output: z.object({ id, caseNo: z.string() }) }),
  'cases.act': method({
    access: CASE_WORKER,
    input: caseRefSchema.extend({ action: z.string().min(1).max(40), opinion: opinionSchema, data: actionDataSchema.default({}) }),
    output: z.object({ step: z.string().nullable(), outcome: z.enum(['approved', 'rejected']).nullable() }),
  }),
  'cases.batchAct': method({
    access: CASE_WORKER,
    input: z.object({ items: z.array(caseRefSchema).min(1).max(500), action: z.string().min(1).max(40), opinion: opinionSchema }),
    output: z.object({ results: z.array(z.object({ caseId: id, caseNo: z.string(), ok: z.boolean(), message: z.string() })) }),
  }),
  'cases.extend': method({
    access: CASE_WORKER,
    input: caseRefSchema.extend({ reason: z.string().trim().min(4, '请写明延期理由（至少 4 个字）').max(300) }),
    output: z.object({ caseDue: z.string() }),
  }),
  'cases.flagCrisis': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: crisisInputSchema, output: ok }),
  'cases.followUp': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: followUpInputSchema, output: ok }),
  'cases.followUpsDue': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ withinDays: z.number().int().min(0).max(90).default(7), townshipId: id.optional() }),
    output: z.array(caseRowSchema),
  }),
  'cases.reviewFiling': method({ access: { kind: 'user', roles: COUNTY_REVIEWERS }, input: caseRefSchema.extend({ opinion: opinionSchema }), output: ok }),
  'cases.inbox': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: caseInboxInputSchema,
    output: z.object({ rows: z.array(caseRowSchema), total: z.number().int(), today: z.string() }),
  }),
  'cases.get': method({ access: { kind: 'user', roles: 'any' }, input: z.object({ id }), output: caseDetailSchema }),
  'cases.ofHousehold': method({ access: ANY_USER, input: z.object({ householdId: id }), output: z.array(caseRowSchema) }),
  'cases.noticeList': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ townshipId: id, villageId: id.optional() }),
    output: z.object({ county: z.string(), townshipName: z.string(), complaintPhone: z.string(), today: z.string(), rows: z.array(noticeRowSchema) }),
  }),
  'cases.reviewsDue': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ withinDays: z.number().int().min(0).max(366).default(30), townshipId: id.optional() }),
    output: z.array(reviewDueRowSchema),
  }),
  'cases.startReviews': method({
    access: CASE_WORKER,
    input: z.object({ enrollmentIds: z.array(id).min(1).max(500) }),
    output: z.object({ started: z.number().int(), skipped: z.array(z.object({ enrollmentId: id, message: z.string() })) }),
  }),
  'workflows.list': method({
    access: ANY_USER,
    input: nothing,
    output: z.object({
      workflows: z.array(z.object({ effective: workflowDefSchema, defaults: workflowDefSchema, overrides: workflowOverridesSchema })),
      policy: workflowPolicySchema,
    }),
  }),
  'workflows.save': method({ access: ADMIN, input: z.object({ kind: caseKindSchema, overrides: workflowOverridesSchema }), output: ok }),
  'workflows.savePolicy': method({ access: ADMIN, input: workflowPolicySchema, output: ok }),
  /** Reads an uploaded roster and shows what importing it would find and do; nothing is written. */
  'imports.preview': method({ access: IMPORTER, input: importSettingsSchema, output: importPreviewSchema }),
  /** The township's own rows back, with a 错误说明 column and the bad cells highlighted. */
  'imports.problemsWorkbook': method({ access: IMPORTER, input: importSettingsSchema, output: fileDeliverySchema }),
  /** Every difference from the ledger a clerk acts on (变更, 表中没有, 新增), where the preview lists the first of each. */
  'imports.differencesWorkbook': method({ access: IMPORTER, input: importSettingsSchema, output: fileDeliverySchema }),
  /** One transaction, one batch; reports progress and can be cancelled (call with a job id). */
  'imports.commit': method({ access: IMPORTER, input: importSettingsSchema, output: importResultSchema }),
  /** Adds the townships and villages the roster names but the ledger lacks (next free codes). */
  'imports.addRegions': method({ access: ADMIN, input: importSettingsSchema, output: z.object({ townships: z.number().int(), villages: z.number().int() }) }),
  'imports.discard': method({ access: ANY_USER, input: z.object({ uploadId: z.string().max(64) }), output: ok }),
  'imports.history': method({ access: { kind: 'user', roles: ['admin', 'county_clerk', 'county_reviewer', 'township_clerk', 'manager'] }, input: nothing, output: z.array(importBatchSchema) }),
  'imports.undo': method({ access: { kind: 'user', roles: ['admin', 'county_clerk', 'county_reviewer', 'township_clerk'] }, input: z.object({ batchId: id }), output: ok }),
  /** A blank import template of a program: title, header and an example note, nothing else. */
  'exports.template': method({ access: ANY_USER, input: z.object({ program: programSchema }), output: fileDeliverySchema }),
  /** The program's roster in the layout townships use (households as merged blocks), importable as it is. */
  'exports.programRoster': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ program: programSchema, townshipId: id.optional() }),
    output: fileDeliverySchema,
  }),
  /** A form or payment roster for a period, as of that period; a submitted period shows its frozen values. */
  'reports.compute': method({ access: REPORT_READER, input: reportRequestSchema, output: reportResultSchema }),
  /** The named rows behind one cell (勾稽): exactly those counted. */
  'reports.drill': method({ access: REPORT_READER, input: drillRequestSchema, output: drillResultSchema }),
  /** 上报: freezes the county's form for the period; later corrections show as differences. */
  'reports.submit': method({ access: { kind: 'user', roles: COUNTY_REVIEWERS }, input: reportRequestSchema, output: reportResultSchema }),
  /** The form in its official layout as a workbook. */
  'reports.export': method({ access: REPORT_READER, input: reportRequestSchema, output: fileDeliverySchema }),
  /** Households, persons and spending per program for the 12 months up to last month, for the 工作台. */
  'reports.trends': method({ access: ANY_USER, input: nothing, output: trendsSchema }),
  /** The child ledger (儿童关爱台账), masked for roles without need; township clerks see their township. */
  'care.children.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: childFilterSchema,
    output: fileListSchema(childRowSchema),
  }),
  'care.children.get': method({ access: ANY_USER, input: z.object({ personId: id }), output: childDetailSchema }),
  /** People under 18 in the ledger, not yet in the child ledger, by name or ID number. */
  'care.children.candidates': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: candidateSearch, output: z.array(personCandidateSchema) }),
  'care.children.register': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: childFieldsSchema.extend({ personId: id }), output: ok }),
  'care.children.update': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: childFieldsSchema.extend({ personId: id, reason }), output: ok }),
  /** Closes a child's file (aged out, moved away, no longer in difficulty); visits stop being due. */
  'care.children.close': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: closeFileInput, output: ok }),
  'care.visits.record': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: visitInputSchema, output: recordedWithNextDue }),
  /** Overdue visits and visits due soon, per township and optionally per 儿童主任: the most urgent 300 of each, with totals. */
  'care.visits.due': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ townshipId: id.optional(), directorId: id.optional() }),
    output: dueListsSchema(childRowSchema),
  }),
  'care.directors.list': method({ access: { kind: 'user', roles: 'any', townshipField: 'townshipId' }, input: z.object({ townshipId: id.optional() }), output: z.array(childDirectorSchema) }),
  'care.directors.save': method({ access: { kind: 'user', roles: ['admin', ...CARE_WORKERS], townshipField: 'townshipId' }, input: directorInputSchema, output: z.object({ id }) }),
  'care.policy.get': method({ access: ANY_USER, input: nothing, output: visitPolicySchema }),
  'care.policy.save': method({ access: ADMIN, input: visitPolicySchema, output: ok }),
  /** Living persons reaching 80, 90 or 100 in a month (next month by default), with what to do about 高龄津贴. */
  'elderly.turning': method({ access: { kind: 'user', roles: 'any', townshipField: 'townshipId' }, input: turningInputSchema, output: turningOutputSchema }),
  /** 高龄津贴 beneficiaries of a half-year with their survival check (生存认证), or none yet. */
  'elderly.survival.list': method({ access: { kind: 'user', roles: 'any', townshipField: 'townshipId' }, input: survivalListInputSchema, output: survivalListOutputSchema }),
  'elderly.survival.record': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: survivalRecordInputSchema, output: z.object({ id }) }),
  /** After the period and its grace days: stops, in one transaction, the 高龄津贴 of everyone without an 'alive' check. */
  'elderly.survival.stopMissing': method({ access: { kind: 'user', roles: ['county_clerk', 'county_reviewer'] }, input: z.object({ period: survivalPeriodSchema }), output: stopMissingOutputSchema }),
  'elderly.assessments.list': method({ access: ANY_USER, input: z.object({ personId: id }), output: z.array(assessmentSchema) }),
  'elderly.assessments.record': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: assessmentInputSchema, output: recordedWithNextDue }),
  /** The file of elderly with special difficulties (特殊困难老年人), masked for roles without need. */
  'elderly.elders.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: elderFilterSchema,
    output: fileListSchema(elderRowSchema),
  }),
  'elderly.elders.get': method({ access: ANY_USER, input: z.object({ personId: id }), output: elderDetailSchema }),
  /** Living people of 60 or more in scope, not yet in the file, by name or ID number. */
  'elderly.elders.candidates': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: candidateSearch, output: z.array(personCandidateSchema) }),
  'elderly.elders.register': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: elderFieldsSchema.extend({ personId: id }), output: ok }),
  'elderly.elders.update': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: elderFieldsSchema.extend({ personId: id, reason }), output: ok }),
  'elderly.elders.close': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: closeFileInput, output: ok }),
  'elderly.visits.record': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: elderVisitInputSchema, output: recordedWithNextDue }),
  /** Overdue visits and visits due soon: the most urgent 300 of each, with totals. */
  'elderly.visits.due': method({ access: { kind: 'user', roles: 'any', townshipField: 'townshipId' }, input: z.object({ townshipId: id.optional() }), output: elderDueOutputSchema }),
  'elderly.policy.get': method({ access: ANY_USER, input: nothing, output: elderPolicySchema }),
  /** Saving moves the due date of every open file to the new intervals. */
  'elderly.policy.save': method({ access: ADMIN, input: elderPolicySchema, output: ok }),
  /** Referrals (转介) within reach, overdue first then by due date; masked for roles without need. */
  'referrals.list': method({ access: { kind: 'user', roles: 'any', townshipField: 'townshipId' }, input: referralFilterSchema, output: referralListSchema }),
  'referrals.get': method({ access: ANY_USER, input: z.object({ id }), output: referralDetailSchema }),
  /** People in scope a referral may be made for, by name or ID number, with their household. */
  'referrals.candidates': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: candidateSearch, output: z.array(referralCandidateSchema) }),
  'referrals.create': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: referralCreateSchema, output: z.object({ id, referralNo: z.string() }) }),
  /** Moves the status (an event in the history); closing needs the outcome; a stale version is a CONFLICT. */
  'referrals.update': method({ access: { kind: 'user', roles: CARE_WORKERS }, input: referralUpdateSchema, output: ok }),
  /** 帮扶机构: county-wide ones and, for a township, its own. */
  'referrals.organisations.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ activeOnly: z.boolean().optional(), townshipId: id.optional() }),
    output: z.array(organisationSchema),
  }),
  /** Township clerks keep only their own township's organisations; county staff and the administrator all. */
  'referrals.organisations.save': method({ access: { kind: 'user', roles: ['admin', ...CARE_WORKERS], townshipField: 'townshipId' }, input: organisationInputSchema, output: z.object({ id }) }),
  /** Rescue records (流浪乞讨人员救助), newest admission first; names and ID numbers masked for roles without need. */
  'vagrant.list': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: rescueFilterSchema,
    output: z.object({ rows: z.array(rescueRowSchema), total: z.number().int(), today: z.string() }),
  }),
  'vagrant.get': method({ access: ANY_USER, input: z.object({ id }), output: rescueDetailSchema }),
  'vagrant.create': method({ access: { kind: 'user', roles: CARE_WORKERS, townshipField: 'townshipId' }, input: rescueFieldsSchema, output: z.object({ id, rescueNo: z.string() }) }),
  /** Edits a record or records the leaving (离站登记: left_on, outcome, destination); a stale version is a CONFLICT. */
  'vagrant.update': method({ access: { kind: 'user', roles: CARE_WORKERS, townshipField: 'townshipId' }, input: rescueUpdateSchema, output: z.object({ version: z.number().int() }) }),
  /** A year by month: rescues admitted, exits by outcome, average stay of those who left, in station at the month's end. */
  'vagrant.monthly': method({
    access: { kind: 'user', roles: 'any', townshipField: 'townshipId' },
    input: z.object({ year: z.number().int().min(2000).max(2100), townshipId: id.optional() }),
    output: rescueMonthlySchema,
  }),
  /** Desktop only: prints the current window to a PDF the user saves (the browser prints itself). */
  'print.toPdf': method({ access: ANY_USER, input: z.object({ fileName: z.string().trim().min(1).max(80) }), output: fileDeliverySchema }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from main to the UI (progress of long work). */
export interface ProgressEvent {
  type: 'progress';
  jobId: string;
  done: number;
  total: number;
  message?: string;
}
export type ServerEvent = ProgressEvent | { type: 'session'; state: 'locked' | 'expired' };

/** Per-call options besides the input: a client-chosen job id makes the call report progress and be cancellable. */
export interface CallOptions {
  jobId?: string;
}

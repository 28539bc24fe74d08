/**
 * The one contract between the UI and the backend. Every capability is a method here with zod schemas
 * for its input and output and an access rule; the router in main validates, checks access and runs
 * the handler. Wire types are JSON: dates 'YYYY-MM-DD', money integer fen, ids strings.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import { COUNTY_CODE, TOWNSHIP_CODE, VILLAGE_CODE } from '../domain/region-codes';
import { PASSWORD_MAX_LENGTH } from '../domain/password';

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

const id = z.string().min(1).max(64);
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

  'audit.list': method({
    access: ADMIN,
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  }),
  'audit.verify': method({ access: ADMIN, input: nothing, output: auditVerifySchema }),
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

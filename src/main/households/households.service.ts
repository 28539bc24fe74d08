/**
 * The households and persons of the ledger (一人一档). Registration of one household (intake) or many
 * (initial load, demo) is one transaction: every ID is checked, each household has exactly one head, and a
 * person already registered elsewhere is refused with the record that holds them. Edits need a reason and
 * land on the household's timeline.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import type { HukouType, Relation } from '../../shared/domain/household';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import type { HouseholdsTable, PersonsTable } from '../db/tables/households.table';
import { newId } from '../app/ids';
import { assertTownshipInScope } from '../app/scope';
import { yieldToEventLoop } from '../app/yield';
import { recordAudit, recordAuditBatch, type Actor } from '../audit/audit.service';
import { findHousehold, findPerson, insertHouseholds, insertPersons, personsByIdNumbers } from './households.repository';
import { cleanName, personRow, throwIfIssues, type PersonFields } from './person-row';
import { checkIdNumber, maskIdNumber } from '../../shared/domain/id-number';
import { ID_PROBLEM_LABELS } from '../../shared/labels';

export type MemberInput = PersonFields;

export interface HouseholdFields {
  villageId: string | null;
  address: string;
  hukouType: HukouType;
  phone: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  notes?: string | null;
}

export interface HouseholdInput extends HouseholdFields {
  townshipId: string;
  members: MemberInput[];
}

export interface RegisterOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  reason?: string;
}

/** Where someone already registered lives, in words a clerk recognises. */
export function whereRegistered(p: { name: string; township_name: string | null; village_name: string | null; head_name: string | null }): string {
  const place = [p.township_name, p.village_name].filter(Boolean).join('');
  return `${p.name}已登记在${place || '台账'}${p.head_name ? `户主${p.head_name}的家庭` : ''}中`;
}

/**
 * Problems with a list of members before saving: bad IDs, duplicates in the list, persons already in
 * another household. `householdId` is the household being edited (its own members are no conflict).
 */
export async function memberIssues(db: Executor, members: { name: string; idNumber: string; relation?: Relation }[], householdId?: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const checked = checkIdNumber(m.idNumber);
    if (!checked.ok) {
      issues.push({ path: ['members', i, 'idNumber'], message: ID_PROBLEM_LABELS[checked.problem] });
      return;
    }
    const first = seen.get(checked.info.idNumber);
    if (first !== undefined) issues.push({ path: ['members', i, 'idNumber'], message: `与第 ${first + 1} 位成员的身份证号码相同` });
    else seen.set(checked.info.idNumber, i);
  });
  const heads = members.filter((m) => m.relation === 'self').length;
  if (members.length > 0 && members.every((m) => m.relation !== undefined) && heads !== 1) {
    issues.push({ path: ['members'], message: heads === 0 ? '请指定一名户主（与户主关系选“本人（户主）”）' : '一户只能有一名户主' });
  }
  for (const existing of await personsByIdNumbers(db, [...seen.keys()])) {
    if (householdId && existing.household_id === householdId) continue;
    issues.push({ path: ['members', seen.get(existing.id_number)!, 'idNumber'], message: `${whereRegistered(existing)}，同一人不能登记在两户` });
  }
  return issues;
}

function householdRow(id: string, townshipId: string, h: HouseholdFields, headId: string | null, now: string): HouseholdsTable {
  return {
    id,
    township_id: townshipId,
    village_id: h.villageId,
    address: h.address.trim(),
    hukou_type: h.hukouType,
    phone: h.phone?.trim() || null,
    head_person_id: headId,
    bank_name: h.bankName?.trim() || null,
    bank_account: h.bankAccount?.replace(/\s+/g, '') || null,
    notes: h.notes?.trim() || null,
    import_batch_id: null,
    created_at: now,
    updated_at: now,
  };
}

async function assertVillage(db: Executor, townshipId: string, villageId: string | null, issues: FieldIssue[], path: (string | number)[]) {
  if (!villageId) return;
  const village = await db.selectFrom('villages').select('township_id').where('id', '=', villageId).executeTakeFirst();
  if (village?.township_id !== townshipId) issues.push({ path: [...path, 'villageId'], message: '所选村（社区）不属于该乡镇（街道）' });
}

export async function registerHouseholds(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: HouseholdInput[],
  options: RegisterOptions = {},
): Promise<{ householdIds: string[]; households: number; persons: number }> {
  const issues: FieldIssue[] = [];
  const households: HouseholdsTable[] = [];
  const persons: PersonsTable[] = [];
  const seen = new Map<string, string>();
  const pathOf = new Map<string, (string | number)[]>();
  const now = at.toISOString();
  const [townships, villages] = await Promise.all([
    db.selectFrom('townships').select('id').execute(),
    db.selectFrom('villages').select(['id', 'township_id']).execute(),
  ]);
  const townshipIds = new Set(townships.map((t) => t.id));
  const villageTownship = new Map(villages.map((v) => [v.id, v.township_id]));
  const at1 = (hi: number) => (input.length === 1 ? [] : [hi]);

  input.forEach((h, hi) => {
    if (!townshipIds.has(h.townshipId)) issues.push({ path: [...at1(hi), 'townshipId'], message: '所属乡镇（街道）不存在' });
    if (h.villageId && villageTownship.get(h.villageId) !== h.townshipId) issues.push({ path: [...at1(hi), 'villageId'], message: '所选村（社区）不属于该乡镇（街道）' });
    if (!h.address.trim()) issues.push({ path: [...at1(hi), 'address'], message: '请填写家庭住址' });
    const heads = h.members.filter((m) => m.relation === 'self').length;
    if (heads !== 1) issues.push({ path: [...at1(hi), 'members'], message: heads === 0 ? '家庭没有户主' : '一户只能有一名户主' });
    const householdId = newId();
    let headId: string | null = null;
    h.members.forEach((m, mi) => {
      const row = personRow(m, { id: newId(), householdId }, now, issues, [...at1(hi), 'members', mi]);
      if (!row) return;
      const twin = seen.get(row.id_number);
      if (twin) issues.push({ path: [...at1(hi), 'members', mi, 'idNumber'], message: `与${twin}的身份证号码相同` });
      seen.set(row.id_number, input.length === 1 ? `第 ${mi + 1} 位成员` : `第 ${hi + 1} 户“${row.name}”`);
      pathOf.set(row.id_number, [...at1(hi), 'members', mi, 'idNumber']);
      if (m.relation === 'self') headId = row.id;
      persons.push(row);
    });
    households.push(householdRow(householdId, h.townshipId, h, headId, now));
  });

  for (const existing of await personsByIdNumbers(db, [...seen.keys()])) {
    issues.push({ path: pathOf.get(existing.id_number)!, message: `${whereRegistered(existing)}，同一人不能登记在两户` });
  }
  throwIfIssues(issues);

  const membersByHousehold = new Map<string, PersonsTable[]>();
  for (const p of persons) {
    const list = membersByHousehold.get(p.household_id!);
    if (list) list.push(p);
    else membersByHousehold.set(p.household_id!, [p]);
  }
  await db.transaction().execute(async (trx) => {
    const step = 5000;
    for (let i = 0; i < households.length; i += step) {
      options.signal?.throwIfAborted();
      const slice = households.slice(i, i + step);
      await insertHouseholds(trx, slice);
      await insertPersons(trx, slice.flatMap((h) => membersByHousehold.get(h.id) ?? []));
      await recordAuditBatch(
        trx,
        actor,
        at,
        slice.map((h) => ({
          action: 'household.register',
          entity: 'household',
          entityId: h.id,
          householdId: h.id,
          reason: options.reason ?? null,
          after: { ...h, members: membersByHousehold.get(h.id) ?? [] },
        })),
      );
      options.onProgress?.(Math.min(i + step, households.length), households.length);
      await yieldToEventLoop();
    }
  });
  return { householdIds: households.map((h) => h.id), households: households.length, persons: persons.length };
}

/** The household, if it exists and lies within the user's scope. */
export async function requireHousehold(db: Executor, scope: Scope, id: string) {
  const household = await findHousehold(db, id);
  if (!household) throw new AppError('NOT_FOUND', '找不到该家庭');
  assertTownshipInScope(scope, household.township_id);
  return household;
}

export async function updateHousehold(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  scope: Scope,
  input: HouseholdFields & { id: string; reason: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { township_name: _t, village_name: _v, ...before } = await requireHousehold(trx, scope, input.id);
    const issues: FieldIssue[] = [];
    await assertVillage(trx, before.township_id, input.villageId, issues, []);
    if (!input.address.trim()) issues.push({ path: ['address'], message: '请填写家庭住址' });
    throwIfIssues(issues);
    const keepAccount = Boolean(input.bankAccount?.includes('*'));
    if (keepAccount && (!before.bank_account || input.bankAccount !== maskIdNumber(before.bank_account))) {
      throw new AppError('VALIDATION', '银行账号应为 6–30 位数字', { fields: [{ path: ['bankAccount'], message: '银行账号应为 6–30 位数字' }] });
    }
    const row = householdRow(before.id, before.township_id, { ...input, bankAccount: keepAccount ? before.bank_account : input.bankAccount }, before.head_person_id, at.toISOString());
    const after: HouseholdsTable = { ...row, import_batch_id: before.import_batch_id, created_at: before.created_at };
    if (sameRecord(before, after)) return;
    await trx.updateTable('households').set(after).where('id', '=', input.id).execute();
    await recordAudit(trx, actor, at, { action: 'household.update', entity: 'household', entityId: input.id, householdId: input.id, before, after, reason: input.reason });
  });
}

/** Nothing but the timestamp would change: no write and no timeline entry. */
function sameRecord<T extends object>(before: T, after: T): boolean {
  return (Object.keys(after) as (keyof T)[]).every((k) => k === 'updated_at' || (before[k] ?? null) === (after[k] ?? null));
}

export async function updatePerson(db: LedgerDb, actor: Actor, at: Date, scope: Scope, input: PersonFields & { id: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findPerson(trx, input.id);
    if (!before?.household_id) throw new AppError('NOT_FOUND', '找不到该人员');
    const household = await requireHousehold(trx, scope, before.household_id);
    const issues: FieldIssue[] = [];
    // A role that sees masked numbers sends the mask back unchanged: that means "keep the number".
    const idNumber = input.idNumber === maskIdNumber(before.id_number) ? before.id_number : input.idNumber;
    const row = personRow({ ...input, idNumber }, { id: before.id, householdId: before.household_id }, at.toISOString(), issues, []);
    throwIfIssues(issues);
    const after: PersonsTable = { ...row!, import_batch_id: before.import_batch_id, created_at: before.created_at };
    if (after.id_number !== before.id_number) {
      const [other] = await personsByIdNumbers(trx, [after.id_number]);
      if (other) throw new AppError('CONFLICT', `${whereRegistered(other)}，身份证号码不能重复`, { fields: [{ path: ['idNumber'], message: whereRegistered(other) }] });
    }
    let headId = household.head_person_id;
    if (input.relation === 'self' && headId !== before.id) {
      const head = headId ? await findPerson(trx, headId) : undefined;
      if (head) throw new AppError('VALIDATION', `该户已有户主${head.name}，请先把其与户主关系改为其他`, { fields: [{ path: ['relation'], message: '该户已有户主' }] });
      headId = before.id;
    }
    if (before.relation === 'self' && input.relation !== 'self') {
      throw new AppError('VALIDATION', '户主不能直接改为其他关系：请先把另一位成员设为户主', { fields: [{ path: ['relation'], message: '家庭必须有一名户主' }] });
    }
    if (sameRecord(before, after)) return;
    await trx.updateTable('persons').set(after).where('id', '=', before.id).execute();
    if (headId !== household.head_person_id) await trx.updateTable('households').set({ head_person_id: headId }).where('id', '=', household.id).execute();
    await recordAudit(trx, actor, at, { action: 'person.update', entity: 'person', entityId: before.id, householdId: household.id, before, after, reason: input.reason });
  });
}

export async function addMember(db: LedgerDb, actor: Actor, at: Date, scope: Scope, input: { householdId: string; member: PersonFields; reason: string }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const household = await requireHousehold(trx, scope, input.householdId);
    if (input.member.relation === 'self') throw new AppError('VALIDATION', '该户已有户主，新成员请选择其他关系', { fields: [{ path: ['relation'], message: '该户已有户主' }] });
    // The household already has its head: the head rule is not this list's to judge. A member of this very
    // household with the same ID number is a duplicate too, so no household is exempt here.
    const issues = await memberIssues(trx, [{ name: cleanName(input.member.name), idNumber: input.member.idNumber }]);
    const row = personRow(input.member, { id: newId(), householdId: household.id }, at.toISOString(), [], []);
    throwIfIssues(issues.map((i) => ({ ...i, path: i.path.slice(2) })));
    await trx.insertInto('persons').values(row!).execute();
    await trx.updateTable('households').set({ updated_at: at.toISOString() }).where('id', '=', household.id).execute();
    await recordAudit(trx, actor, at, { action: 'person.add', entity: 'person', entityId: row!.id, householdId: household.id, after: row, reason: input.reason });
    return row!.id;
  });
}


/**
 * Registering households with their members in the ledger, one transaction for the whole batch: every
 * ID is checked (sex and birth date come from it), each household has exactly one head, and a person
 * already in the ledger is refused with the record that holds them. Nothing is written unless all of it is.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { checkIdNumber } from '../../shared/domain/id-number';
import type { HukouType, Relation } from '../../shared/domain/household';
import type { LedgerDb } from '../db/schema';
import type { HouseholdsTable, PersonsTable } from '../db/tables/households.table';
import { newId } from '../app/ids';
import { yieldToEventLoop } from '../app/yield';
import { recordAuditBatch, type Actor } from '../audit/audit.service';
import { insertHouseholds, insertPersons, personsByIdNumbers } from './households.repository';

export interface MemberInput {
  name: string;
  idNumber: string;
  relation: Relation;
}

export interface HouseholdInput {
  townshipId: string;
  villageId: string | null;
  address: string;
  hukouType: HukouType;
  phone: string | null;
  members: MemberInput[];
}

const ID_MESSAGES = {
  id_length: '身份证号码位数不对（应为 18 位）',
  id_checksum: '身份证号码校验位不对',
  id_birthdate_invalid: '身份证号码中的出生日期无效',
  id_scientific_notation: '身份证号码被表格软件显示成了科学计数法，已丢失数字',
  id_characters: '身份证号码含有无效字符',
} as const;

export interface RegisterOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function registerHouseholds(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: HouseholdInput[],
  options: RegisterOptions = {},
): Promise<{ households: number; persons: number }> {
  const issues: FieldIssue[] = [];
  const households: HouseholdsTable[] = [];
  const persons: PersonsTable[] = [];
  const seen = new Map<string, string>();
  const now = at.toISOString();
  const [townships, villages] = await Promise.all([
    db.selectFrom('townships').select('id').execute(),
    db.selectFrom('villages').select(['id', 'township_id']).execute(),
  ]);
  const townshipIds = new Set(townships.map((t) => t.id));
  const villageTownship = new Map(villages.map((v) => [v.id, v.township_id]));

  input.forEach((h, hi) => {
    if (!townshipIds.has(h.townshipId)) issues.push({ path: [hi, 'townshipId'], message: '所属乡镇（街道）不存在' });
    if (h.villageId && villageTownship.get(h.villageId) !== h.townshipId) {
      issues.push({ path: [hi, 'villageId'], message: '所选村（社区）不属于该乡镇（街道）' });
    }
    const heads = h.members.filter((m) => m.relation === 'self').length;
    if (heads !== 1) issues.push({ path: [hi, 'members'], message: heads === 0 ? '家庭没有户主' : '家庭有多名户主' });
    const householdId = newId();
    let headId: string | null = null;
    h.members.forEach((m, mi) => {
      const checked = checkIdNumber(m.idNumber);
      if (!checked.ok) {
        issues.push({ path: [hi, 'members', mi, 'idNumber'], message: ID_MESSAGES[checked.problem] });
        return;
      }
      const { idNumber, sex, birthDate } = checked.info;
      const twin = seen.get(idNumber);
      if (twin) issues.push({ path: [hi, 'members', mi, 'idNumber'], message: `与本批第 ${twin} 重复` });
      seen.set(idNumber, `${hi + 1} 户“${m.name}”`);
      const id = newId();
      if (m.relation === 'self') headId = id;
      persons.push({ id, household_id: householdId, relation: m.relation, id_number: idNumber, name: m.name.trim(), sex, birth_date: birthDate, created_at: now, updated_at: now });
    });
    households.push({
      id: householdId,
      township_id: h.townshipId,
      village_id: h.villageId,
      address: h.address,
      hukou_type: h.hukouType,
      phone: h.phone,
      head_person_id: headId,
      created_at: now,
      updated_at: now,
    });
  });

  for (const existing of await personsByIdNumbers(db, [...seen.keys()])) {
    issues.push({
      path: ['idNumber', existing.id_number],
      message: `${existing.name}已在台账中${existing.township_name ? `（${existing.township_name}）` : ''}，不能重复登记`,
    });
  }
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { fields: issues });

  const membersOf = new Map<string, PersonsTable[]>();
  for (const p of persons) {
    const list = membersOf.get(p.household_id!);
    if (list) list.push(p);
    else membersOf.set(p.household_id!, [p]);
  }
  await db.transaction().execute(async (trx) => {
    const step = 5000;
    for (let i = 0; i < households.length; i += step) {
      options.signal?.throwIfAborted();
      const slice = households.slice(i, i + step);
      await insertHouseholds(trx, slice);
      await insertPersons(trx, slice.flatMap((h) => membersOf.get(h.id) ?? []));
      await recordAuditBatch(
        trx,
        actor,
        at,
        slice.map((h) => ({
          action: 'household.register',
          entity: 'household',
          entityId: h.id,
          after: { ...h, members: membersOf.get(h.id) ?? [] },
        })),
      );
      options.onProgress?.(Math.min(i + step, households.length), households.length);
      await yieldToEventLoop();
    }
  });
  return { households: households.length, persons: persons.length };
}

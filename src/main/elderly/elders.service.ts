/**
 * The file of elderly with special difficulties (特殊困难老年人台账): one file per person of 60 or more, with
 * their difficulties and a contact. Every write checks the township against the user's scope, keeps the next
 * visit's due date, and leaves an audit entry naming the person by id only. A closed file may be reopened
 * by registering the person again; visits then count from the reopening.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { ageOn } from '../../shared/domain/dates';
import { joinDifficulties, type ElderDifficulty, type ElderVisitKind } from '../../shared/domain/elderly';
import type { Scope } from '../../shared/domain/roles';
import type { ElderDetail } from '../../shared/api/elderly.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { classifyQuery } from '../ledger/ledger-search';
import { CANDIDATE_LIMIT, candidatesQuery, toCandidate } from '../ledger/person-candidates';
import { changedColumns, checkClosing, fileVisitOf, personInScope, soonUntil } from '../ledger/person-file';
import { throwIfIssues } from '../households/person-row';
import { assessmentsOf } from './assessments.service';
import { elderDueDateOf, loadElderPolicy } from './elder-policy';
import { filteredElders, toElderRow, type ElderFilter } from './elder-rows';
import type { ElderlyViewer } from './elderly-viewer';

/** The age from which a person may be in the file, and from which 高龄 applies. */
const ELDER_AGE = 60;
const VERY_OLD_AGE = 80;

export async function listElders(db: Executor, filter: ElderFilter & { page: number; pageSize: number }, scope: Scope, viewer: ElderlyViewer) {
  const policy = await loadElderPolicy(db);
  const q = filteredElders(db, filter, scope, viewer.today, soonUntil(viewer.today, policy));
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('e.closed_on')
    .orderBy('e.next_due_on')
    .orderBy('p.name')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows: rows.map((r) => toElderRow(r, viewer, policy)), total: Number(total.n), today: viewer.today };
}

export async function elderDetail(db: Executor, personId: string, scope: Scope, viewer: ElderlyViewer): Promise<ElderDetail> {
  await personInScope(db, scope, personId);
  const row = await filteredElders(db, {}, scope, viewer.today, viewer.today)
    .select(['e.contact_phone', 'e.opened_on', 'e.close_reason'])
    .where('e.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '该人员尚未建立特殊困难老年人档案');
  const policy = await loadElderPolicy(db);
  const visits = await db
    .selectFrom('elder_visits as v')
    .innerJoin('users as u', 'u.id', 'v.recorded_by')
    .select(['v.id', 'v.visited_on', 'v.kind', 'v.visitor', 'v.findings', 'v.needs', 'v.follow_up', 'u.display_name', 'v.recorded_at'])
    .where('v.person_id', '=', personId)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.recorded_at', 'desc')
    .execute();
  const shown = viewer.seesRecords;
  return {
    ...toElderRow(row, viewer, policy),
    masked: !shown,
    contactPhone: shown ? row.contact_phone : null,
    openedOn: row.opened_on,
    closeReason: row.close_reason,
    visits: visits.map((v) => fileVisitOf<ElderVisitKind>(v, viewer)),
    assessments: await assessmentsOf(db, viewer, personId),
  };
}

/** Living people of 60 or more in scope without an open file, by name or ID number. */
export async function elderCandidates(db: Executor, q: string, scope: Scope, today: string) {
  const search = classifyQuery(q);
  if (!search) return [];
  const rows = await candidatesQuery(db, search, scope)
    .leftJoin('elders as e', 'e.person_id', 'p.id')
    .where((eb) => eb.or([eb('e.person_id', 'is', null), eb('e.closed_on', 'is not', null)]))
    .where('p.birth_date', '<=', `${Number(today.slice(0, 4)) - ELDER_AGE}${today.slice(4)}`)
    .orderBy('p.name')
    .limit(CANDIDATE_LIMIT)
    .execute();
  return rows.map((r) => toCandidate(r, today));
}

export interface ElderFieldsInput {
  difficulties: ElderDifficulty[];
  contactName: string | null;
  contactPhone: string | null;
}

function fieldIssues(fields: ElderFieldsInput, person: { name: string; birth_date: string }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const age = ageOn(person.birth_date, today);
  if (age < ELDER_AGE) issues.push({ path: ['personId'], message: `${person.name}现年 ${age} 岁，特殊困难老年人档案适用于 60 周岁及以上老年人` });
  if (fields.difficulties.includes('very_old') && age < VERY_OLD_AGE) issues.push({ path: ['difficulties'], message: `${person.name}现年 ${age} 岁，未满 80 周岁，不属于高龄` });
  if (fields.contactPhone && !fields.contactName) issues.push({ path: ['contactName'], message: '请填写联系人姓名' });
  return issues;
}

const columnsOf = (f: ElderFieldsInput) => ({ difficulties: joinDifficulties(f.difficulties), contact_name: f.contactName, contact_phone: f.contactPhone });

export async function registerElder(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ElderFieldsInput & { personId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    if (person.deceased_on) throw new AppError('VALIDATION', `${person.name}已登记死亡，不能建立特殊困难老年人档案`);
    const existing = await trx.selectFrom('elders').select(['closed_on', 'last_visited_on']).where('person_id', '=', input.personId).executeTakeFirst();
    if (existing && !existing.closed_on) throw new AppError('CONFLICT', `${person.name}已在特殊困难老年人台账中`);
    throwIfIssues(fieldIssues(input, person, today));
    const policy = await loadElderPolicy(trx);
    const row = { ...columnsOf(input), opened_on: today, closed_on: null, close_reason: null, last_visited_on: existing?.last_visited_on ?? null };
    const now = at.toISOString();
    const next_due_on = elderDueDateOf(policy, row);
    if (existing) await trx.updateTable('elders').set({ ...row, next_due_on, updated_at: now }).where('person_id', '=', input.personId).execute();
    else await trx.insertInto('elders').values({ person_id: input.personId, ...row, next_due_on, created_at: now, updated_at: now }).execute();
    await recordAudit(trx, actor, at, { action: existing ? 'elder.reopen' : 'elder.register', entity: 'elder', entityId: input.personId, after: { difficulties: input.difficulties, openedOn: today } });
  });
}

export async function updateElder(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ElderFieldsInput & { personId: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    const before = await trx.selectFrom('elders').selectAll().where('person_id', '=', input.personId).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', '该人员尚未建立特殊困难老年人档案');
    if (before.closed_on) throw new AppError('CONFLICT', '档案已结案，不能修改');
    throwIfIssues(fieldIssues(input, person, today));
    const row = columnsOf(input);
    const next_due_on = elderDueDateOf(await loadElderPolicy(trx), { ...row, last_visited_on: before.last_visited_on, opened_on: before.opened_on });
    await trx.updateTable('elders').set({ ...row, next_due_on, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'elder.update', entity: 'elder', entityId: input.personId, after: { changed: changedColumns(row, before), difficulties: input.difficulties }, reason: input.reason });
  });
}

export async function closeElder(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: { personId: string; closedOn: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, input.personId);
    const elder = await trx.selectFrom('elders').select(['closed_on', 'opened_on']).where('person_id', '=', input.personId).executeTakeFirst();
    if (!elder) throw new AppError('NOT_FOUND', '该人员尚未建立特殊困难老年人档案');
    checkClosing(elder, input.closedOn, today);
    await trx.updateTable('elders').set({ closed_on: input.closedOn, close_reason: input.reason, next_due_on: null, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'elder.close', entity: 'elder', entityId: input.personId, after: { closedOn: input.closedOn }, reason: input.reason });
  });
}

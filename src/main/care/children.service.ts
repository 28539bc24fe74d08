/**
 * The child ledger (儿童关爱台账): one file per child of the ledger, with guardian, 儿童主任, school, health
 * and one-to-one pairing. Every write checks the child's township against the user's scope, keeps the next
 * visit's due date, and leaves an audit entry that names the child by id only (no personal data).
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { ageOn } from '../../shared/domain/dates';
import { CHILD_CATEGORY_LABELS, leavesLedgerAt, type ChildCategory, type VisitKind } from '../../shared/domain/care';
import { checkIdNumber, maskIdNumber } from '../../shared/domain/id-number';
import type { ChildDetail, ChildFields, ChildRow } from '../../shared/api/care.schemas';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { classifyQuery, personMatches } from '../ledger/ledger-search';
import { CANDIDATE_LIMIT, candidatesQuery, toCandidate } from '../ledger/person-candidates';
import { changedColumns, checkClosing, fileVisitOf, personInScope, soonUntil, type FileViewer } from '../ledger/person-file';
import { RESETTLED_CATEGORIES, resettlementTiming } from '../../shared/domain/care-cases';
import { throwIfIssues } from '../households/person-row';
import { childRowsQuery, toChildRow } from './child-rows';
import { dueDateOf, loadVisitPolicy } from './visit-policy';

export interface ChildFilter {
  townshipId?: string;
  directorId?: string;
  category?: ChildCategory;
  dueState?: ChildRow['dueState'];
  q?: string;
  page: number;
  pageSize: number;
}

type Q = ReturnType<typeof childRowsQuery>;

/** Child files matching the filter within the scope (tables c, p, h), for the ledger and the reminders alike. */
export function filteredChildren(db: Executor, filter: Omit<ChildFilter, 'page' | 'pageSize'>, scope: Scope, today: string, soon: string): Q {
  let q = childRowsQuery(db);
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('h.township_id', '=', filter.townshipId);
  if (filter.directorId) q = q.where('c.director_id', '=', filter.directorId);
  if (filter.category) q = q.where('c.category', '=', filter.category);
  if (filter.dueState === 'closed') q = q.where('c.closed_on', 'is not', null);
  else if (filter.dueState) q = q.where('c.closed_on', 'is', null);
  if (filter.dueState === 'overdue') q = q.where('c.next_due_on', '<', today);
  if (filter.dueState === 'soon') q = q.where('c.next_due_on', '>=', today).where('c.next_due_on', '<=', soon);
  if (filter.dueState === 'ok') q = q.where('c.next_due_on', '>', soon);
  const search = classifyQuery(filter.q ?? '');
  return search ? q.where(personMatches(search, 'either')) : q;
}

export async function listChildren(db: Executor, filter: ChildFilter, scope: Scope, viewer: FileViewer) {
  const policy = await loadVisitPolicy(db);
  const q = filteredChildren(db, filter, scope, viewer.today, soonUntil(viewer.today, policy));
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.closed_on')
    .orderBy('c.next_due_on')
    .orderBy('p.name')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows: rows.map((r) => toChildRow(r, viewer, policy)), total: Number(total.n), today: viewer.today };
}

export async function childDetail(db: Executor, personId: string, scope: Scope, viewer: FileViewer): Promise<ChildDetail> {
  await personInScope(db, scope, personId);
  const row = await childRowsQuery(db)
    .select(['c.guardian_relation', 'c.guardian_id_number', 'c.guardian_phone', 'c.school', 'c.health', 'c.disability', 'c.pairing_name', 'c.pairing_kind', 'c.pairing_phone', 'c.opened_on', 'c.close_reason'])
    .where('c.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '该人员尚未建立儿童关爱档案');
  const policy = await loadVisitPolicy(db);
  const visits = await db
    .selectFrom('child_visits as v')
    .innerJoin('users as u', 'u.id', 'v.recorded_by')
    .select(['v.id', 'v.visited_on', 'v.kind', 'v.visitor', 'v.findings', 'v.needs', 'v.follow_up', 'u.display_name', 'v.recorded_at'])
    .where('v.child_id', '=', personId)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.recorded_at', 'desc')
    .execute();
  const shown = viewer.seesRecords;
  const summary = toChildRow(row, viewer, policy);
  return {
    ...summary,
    masked: !shown,
    resettlementOpen: row.closed_on === null && RESETTLED_CATEGORIES.includes(row.category as ChildCategory) && resettlementTiming(row.birth_date, viewer.today).state === 'open',
    fields: {
      category: row.category as ChildCategory,
      cause: row.cause as ChildFields['cause'],
      guardianship: row.guardianship as ChildFields['guardianship'],
      guardianName: summary.guardianName,
      guardianRelation: row.guardian_relation,
      guardianIdNumber: row.guardian_id_number && (shown ? row.guardian_id_number : maskIdNumber(row.guardian_id_number)),
      guardianPhone: shown ? row.guardian_phone : null,
      directorId: row.director_id,
      school: shown ? row.school : null,
      health: shown ? row.health : null,
      disability: shown ? row.disability : null,
      pairingName: shown ? row.pairing_name : null,
      pairingKind: row.pairing_kind as ChildFields['pairingKind'],
      pairingPhone: shown ? row.pairing_phone : null,
    },
    openedOn: row.opened_on,
    closeReason: row.close_reason,
    visits: visits.map((v) => fileVisitOf<VisitKind>(v, viewer)),
  };
}

/** People under 18 in scope and not yet in the child ledger, by name or ID number. */
export async function childCandidates(db: Executor, q: string, scope: Scope, today: string) {
  const search = classifyQuery(q);
  if (!search) return [];
  const rows = await candidatesQuery(db, search, scope)
    .leftJoin('children as c', 'c.person_id', 'p.id')
    .where('c.person_id', 'is', null)
    .where('p.birth_date', '>', `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`)
    .orderBy('p.name')
    .limit(CANDIDATE_LIMIT)
    .execute();
  return rows.map((r) => toCandidate(r, today));
}

/** What is wrong with the fields for this child, each at its field. */
async function fieldIssues(db: Executor, fields: ChildFields, child: { name: string; birth_date: string; township_id: string }, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const age = ageOn(child.birth_date, today);
  const limit = leavesLedgerAt(fields.category);
  if (age >= limit) issues.push({ path: ['category'], message: `${child.name}现年 ${age} 岁，已满 ${limit} 周岁，不能列入${CHILD_CATEGORY_LABELS[fields.category]}` });
  if (fields.category === 'in_difficulty' && !fields.cause) issues.push({ path: ['cause'], message: '困境儿童请选择困境类型' });
  if (fields.category !== 'in_difficulty' && fields.cause) issues.push({ path: ['cause'], message: '只有困境儿童需要填写困境类型' });
  if (fields.guardianship !== 'lacking' && fields.guardianship !== 'state' && !fields.guardianName) issues.push({ path: ['guardianName'], message: '请填写监护人姓名' });
  if (fields.guardianIdNumber) {
    const check = checkIdNumber(fields.guardianIdNumber);
    if (!check.ok) issues.push({ path: ['guardianIdNumber'], message: '监护人身份证号码有误，请核对' });
  }
  if ((fields.pairingName === null) !== (fields.pairingKind === null)) issues.push({ path: ['pairingKind'], message: '一对一结对请同时填写结对人和结对类型' });
  if (fields.directorId) {
    const director = await db.selectFrom('child_directors').select(['township_id', 'active']).where('id', '=', fields.directorId).executeTakeFirst();
    if (!director || !director.active) issues.push({ path: ['directorId'], message: '所选儿童主任不存在或已停用' });
    else if (director.township_id !== child.township_id) issues.push({ path: ['directorId'], message: '所选儿童主任不在该儿童所在乡镇（街道）' });
  }
  return issues;
}

/** A guardian's ID as stored (checked before; full-width digits and a lowercase x normalized). */
function normalizedId(raw: string | null): string | null {
  const check = raw ? checkIdNumber(raw) : null;
  return check?.ok ? check.info.idNumber : null;
}

const columnsOf = (f: ChildFields) => ({
  category: f.category,
  cause: f.cause,
  guardianship: f.guardianship,
  guardian_name: f.guardianName,
  guardian_relation: f.guardianRelation,
  guardian_id_number: normalizedId(f.guardianIdNumber),
  guardian_phone: f.guardianPhone,
  director_id: f.directorId,
  school: f.school,
  health: f.health,
  disability: f.disability,
  pairing_name: f.pairingName,
  pairing_kind: f.pairingKind,
  pairing_phone: f.pairingPhone,
});

export async function registerChild(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ChildFields & { personId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    if (person.deceased_on) throw new AppError('VALIDATION', `${person.name}已登记死亡，不能建立儿童关爱档案`);
    if (await trx.selectFrom('children').select('person_id').where('person_id', '=', input.personId).executeTakeFirst()) throw new AppError('CONFLICT', `${person.name}已在儿童关爱台账中`);
    throwIfIssues(await fieldIssues(trx, input, person, today));
    const policy = await loadVisitPolicy(trx);
    const row = { ...columnsOf(input), opened_on: today, last_visited_on: null };
    const now = at.toISOString();
    await trx
      .insertInto('children')
      .values({ person_id: input.personId, ...row, closed_on: null, close_reason: null, next_due_on: dueDateOf(policy, row), created_at: now, updated_at: now })
      .execute();
    await recordAudit(trx, actor, at, { action: 'child.register', entity: 'child', entityId: input.personId, after: { category: input.category, guardianship: input.guardianship, directorId: input.directorId } });
  });
}

export async function updateChild(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ChildFields & { personId: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    const before = await trx.selectFrom('children').selectAll().where('person_id', '=', input.personId).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', '该人员尚未建立儿童关爱档案');
    if (before.closed_on) throw new AppError('CONFLICT', '档案已结案，不能修改');
    throwIfIssues(await fieldIssues(trx, input, person, today));
    const policy = await loadVisitPolicy(trx);
    const row = columnsOf(input);
    const next = dueDateOf(policy, { ...row, last_visited_on: before.last_visited_on, opened_on: before.opened_on });
    await trx.updateTable('children').set({ ...row, next_due_on: next, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'child.update', entity: 'child', entityId: input.personId, after: { changed: changedColumns(row, before), reason: input.reason } });
  });
}

export async function closeChild(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: { personId: string; closedOn: string; reason: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, input.personId);
    const child = await trx.selectFrom('children').select(['closed_on', 'opened_on']).where('person_id', '=', input.personId).executeTakeFirst();
    if (!child) throw new AppError('NOT_FOUND', '该人员尚未建立儿童关爱档案');
    checkClosing(child, input.closedOn, today);
    await trx.updateTable('children').set({ closed_on: input.closedOn, close_reason: input.reason, next_due_on: null, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'child.close', entity: 'child', entityId: input.personId, after: { closedOn: input.closedOn, reason: input.reason } });
  });
}


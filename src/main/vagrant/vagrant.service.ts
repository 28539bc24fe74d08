/**
 * Rescue records (流浪乞讨人员救助): found where and when, who (or, when nobody knows, what they look like),
 * the stay and its services, and the leaving: the day, the outcome (护送返乡, 亲属接回, 转送 …) and where to.
 * Every write checks the township against the user's scope, keeps a version against lost edits, and leaves
 * an audit entry naming the record by its ids, dates and outcome code only (no personal data).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { lastDayOf } from '../../shared/domain/dates';
import { checkIdNumber, normalizeIdNumber } from '../../shared/domain/id-number';
import { OUTCOMES_WITH_DESTINATION, rescueNo, type RescueState } from '../../shared/domain/vagrant';
import { ID_PROBLEM_LABELS } from '../../shared/labels';
import type { RescueDetail, RescueFields } from '../../shared/api/vagrant.schemas';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb, LedgerSchema } from '../db/schema';
import type { VagrantRescuesTable } from '../db/tables/vagrant.table';
import { recordAudit, type Actor } from '../audit/audit.service';
import { assertTownshipInScope } from '../app/scope';
import { newId } from '../app/ids';
import { throwIfIssues } from '../households/person-row';
import { rescueRowsQuery, toRescueRow, type RescueViewer } from './vagrant-rows';

export interface RescueFilter {
  townshipId?: string;
  month?: string;
  state?: RescueState;
  q?: string;
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<LedgerSchema & { r: VagrantRescuesTable }, 'r'>;

/** LIKE with the user's % and _ taken literally. */
const like = (column: string, pattern: (escaped: string) => string, text: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${pattern(text.replace(/[\\%_]/g, (c) => `\\${c}`))} escape '\\'`;

/** What the search box typed: a rescue number, an ID number (whole or its last digits), or a name or place. */
function searchCondition(raw: string): ((eb: Eb) => Expression<SqlBool>) | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^JZ\d/i.test(text)) return () => like('r.rescue_no', (t) => `${t}%`, text.toUpperCase());
  const id = normalizeIdNumber(text);
  if (/^\d[\dX]{3,17}$/.test(id)) return (eb) => eb.or([eb('r.id_number', '=', id), like('r.id_number', (t) => `%${t}`, id)]);
  return (eb) => eb.or([like('r.name', (t) => `${t}%`, text), like('r.found_place', (t) => `%${t}%`, text)]);
}

export async function listRescues(db: Executor, filter: RescueFilter, scope: Scope, viewer: RescueViewer) {
  let q = rescueRowsQuery(db);
  if (scope.kind === 'township') q = q.where('r.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('r.township_id', '=', filter.townshipId);
  if (filter.month) q = q.where('r.admitted_on', '>=', `${filter.month}-01`).where('r.admitted_on', '<=', lastDayOf(filter.month));
  if (filter.state === 'in_station') q = q.where('r.left_on', 'is', null);
  if (filter.state === 'left') q = q.where('r.left_on', 'is not', null);
  const search = searchCondition(filter.q ?? '');
  if (search) q = q.where(search);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('r.admitted_on', 'desc')
    .orderBy('r.rescue_no', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows: rows.map((r) => toRescueRow(r, viewer)), total: Number(total.n), today: viewer.today };
}

/** The record, refused outside the user's scope without saying what is there. */
async function rescueInScope(db: Executor, scope: Scope, id: string): Promise<VagrantRescuesTable> {
  const row = await db.selectFrom('vagrant_rescues').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到该救助记录');
  assertTownshipInScope(scope, row.township_id);
  return row;
}

export async function rescueDetail(db: Executor, id: string, scope: Scope, viewer: RescueViewer): Promise<RescueDetail> {
  await rescueInScope(db, scope, id);
  const row = await rescueRowsQuery(db)
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.description', 'r.notes', 'u.display_name', 'r.created_at', 'r.updated_at'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...toRescueRow(row, viewer),
    masked: !viewer.seesRecords,
    description: row.description,
    notes: row.notes,
    createdBy: row.display_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const issue = (field: keyof RescueFields, message: string): FieldIssue => ({ path: [field], message });

/** What is wrong with the fields, each at its field; `self` is the record being edited. */
async function fieldIssues(db: Executor, f: RescueFields, today: string, self: VagrantRescuesTable | null): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const township = await db.selectFrom('townships').select(['id', 'active']).where('id', '=', f.townshipId).executeTakeFirst();
  if (!township) issues.push(issue('townshipId', '所选乡镇（街道）不存在'));
  else if (!township.active && township.id !== self?.township_id) issues.push(issue('townshipId', '所选乡镇（街道）已停用'));

  if (f.identityKnown) {
    if (!f.name) issues.push(issue('name', '请填写姓名（身份不明时请选择“身份不明”）'));
    if (f.idNumber) {
      const check = checkIdNumber(f.idNumber);
      if (!check.ok) issues.push(issue('idNumber', ID_PROBLEM_LABELS[check.problem]));
      else if (check.info.sex !== f.sex) issues.push(issue('sex', `性别与身份证号码不符（身份证号码为${check.info.sex === 'male' ? '男' : '女'}性）`));
    }
  } else {
    if (f.name || f.idNumber) issues.push(issue(f.name ? 'name' : 'idNumber', '身份不明时不填写姓名和身份证号码'));
    if (f.estimatedAge === null) issues.push(issue('estimatedAge', '身份不明时请填写估计年龄'));
    if (!f.description || f.description.length < 2) issues.push(issue('description', '身份不明时请填写体貌特征（至少 2 个字）'));
  }

  if (f.foundOn > today) issues.push(issue('foundOn', '发现日期不能晚于今天'));
  if (f.admittedOn < f.foundOn) issues.push(issue('admittedOn', '入站日期不能早于发现日期'));
  else if (f.admittedOn > today) issues.push(issue('admittedOn', '入站日期不能晚于今天'));
  if (f.services.length === 0) issues.push(issue('services', '请至少选择一项救助服务'));

  if (f.leftOn && !f.outcome) issues.push(issue('outcome', '离站时请选择去向'));
  if (f.outcome && !f.leftOn) issues.push(issue('leftOn', '请填写离站日期'));
  if (f.leftOn && f.leftOn < f.admittedOn) issues.push(issue('leftOn', '离站日期不能早于入站日期'));
  else if (f.leftOn && f.leftOn > today) issues.push(issue('leftOn', '离站日期不能晚于今天'));
  if (f.outcome && OUTCOMES_WITH_DESTINATION.includes(f.outcome) && !f.destination) {
    issues.push(issue('destination', f.outcome === 'escorted_home' ? '护送返乡请填写返乡目的地' : '转送请填写接收机构'));
  }
  return issues;
}

/** The stored ID number (checked before; full-width digits and a lowercase x normalized). */
function normalizedId(f: RescueFields): string | null {
  const check = f.identityKnown && f.idNumber ? checkIdNumber(f.idNumber) : null;
  return check?.ok ? check.info.idNumber : null;
}

const columnsOf = (f: RescueFields) => {
  const idNumber = normalizedId(f);
  return {
    township_id: f.townshipId,
    found_on: f.foundOn,
    found_place: f.foundPlace,
    found_by: f.foundBy,
    identity_known: f.identityKnown ? 1 : 0,
    name: f.identityKnown ? f.name : null,
    id_number: idNumber,
    sex: f.sex,
    // With an ID number the age comes from the birth date; an estimate is for those without one.
    estimated_age: idNumber ? null : f.estimatedAge,
    description: f.description,
    native_place: f.nativePlace,
    admitted_on: f.admittedOn,
    left_on: f.leftOn,
    services: JSON.stringify(f.services),
    outcome: f.leftOn ? f.outcome : null,
    destination: f.destination,
    notes: f.notes,
  };
};

/** Refuses a second open stay of the same person (by ID number) while one is already in the station. */
async function assertNotInStation(db: Executor, idNumber: string | null, selfId: string | null): Promise<void> {
  if (!idNumber) return;
  let q = db.selectFrom('vagrant_rescues').select('rescue_no').where('id_number', '=', idNumber).where('left_on', 'is', null);
  if (selfId) q = q.where('id', '!=', selfId);
  const open = await q.executeTakeFirst();
  if (open) {
    const message = `该人员已在站（救助编号 ${open.rescue_no}），请勿重复登记`;
    throw new AppError('CONFLICT', message, { fields: [{ path: ['idNumber'], message }] });
  }
}

/** The next number of the admission year. */
async function nextRescueNo(db: Executor, year: string): Promise<string> {
  const last = await db.selectFrom('vagrant_rescues').select((eb) => eb.fn.max('rescue_no').as('no')).where('rescue_no', 'like', `JZ${year}-%`).executeTakeFirst();
  const n = last?.no ? Number(String(last.no).slice(7)) + 1 : 1;
  return rescueNo(year, n);
}

/** What the audit log may hold: ids, dates and the outcome code. */
const auditedOf = (no: string, c: ReturnType<typeof columnsOf>) => ({ rescueNo: no, townshipId: c.township_id, foundOn: c.found_on, admittedOn: c.admitted_on, leftOn: c.left_on, outcome: c.outcome });

export async function createRescue(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: RescueFields): Promise<{ id: string; rescueNo: string }> {
  return db.transaction().execute(async (trx) => {
    assertTownshipInScope(scope, input.townshipId);
    throwIfIssues(await fieldIssues(trx, input, today, null));
    const columns = columnsOf(input);
    if (!columns.left_on) await assertNotInStation(trx, columns.id_number, null);
    const id = newId();
    const no = await nextRescueNo(trx, input.admittedOn.slice(0, 4));
    const now = at.toISOString();
    await trx
      .insertInto('vagrant_rescues')
      .values({ id, rescue_no: no, ...columns, created_by: actor.userId!, created_at: now, updated_at: now, version: 0 })
      .execute();
    await recordAudit(trx, actor, at, { action: 'vagrant.create', entity: 'vagrant_rescue', entityId: id, after: auditedOf(no, columns) });
    return { id, rescueNo: no };
  });
}

/** Edits a record or records the leaving (离站登记); a stale version is refused, never merged. */
export async function updateRescue(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: RescueFields & { id: string; version: number }): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const before = await rescueInScope(trx, scope, input.id);
    // A township clerk may not move a record out of their township either.
    assertTownshipInScope(scope, input.townshipId);
    if (before.version !== input.version) throw new AppError('CONFLICT', '该救助记录已被他人修改，请刷新后再试');
    throwIfIssues(await fieldIssues(trx, input, today, before));
    const columns = columnsOf(input);
    if (!columns.left_on) await assertNotInStation(trx, columns.id_number, before.id);
    const version = before.version + 1;
    const result = await trx
      .updateTable('vagrant_rescues')
      .set({ ...columns, updated_at: at.toISOString(), version })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该救助记录已被他人修改，请刷新后再试');
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== before[k]);
    const leaving = before.left_on === null && columns.left_on !== null;
    await recordAudit(trx, actor, at, { action: leaving ? 'vagrant.leave' : 'vagrant.update', entity: 'vagrant_rescue', entityId: input.id, after: { ...auditedOf(before.rescue_no, columns), changed } });
    return { version };
  });
}

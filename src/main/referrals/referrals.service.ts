/**
 * Referrals (转介): a need of a household or one member, referred to an organisation of the county's list
 * and followed until it is answered. Every write checks the household's township against the user's scope,
 * is one transaction with its history event and an audit entry naming ids, kinds, statuses and dates only.
 */
import { sql } from 'kysely';
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { canMove, needsOutcome, referralNo, REFERRAL_STATUS_LABELS, STATUS_MOVES, CLOSED_STATUSES, type NeedKind, type ReferralStatus } from '../../shared/domain/referrals';
import type { ReferralCandidate, ReferralDetail, ReferralStatusFilter } from '../../shared/api/referrals.schemas';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { assertTownshipInScope } from '../app/scope';
import { newId } from '../app/ids';
import { classifyQuery, personMatches } from '../ledger/ledger-search';
import { CANDIDATE_LIMIT, candidatesQuery, toCandidate } from '../ledger/person-candidates';
import { throwIfIssues } from '../households/person-row';
import { openStatuses, referralRowsQuery, toReferralRow, type ReferralViewer } from './referral-rows';

export interface ReferralFilter {
  townshipId?: string;
  status?: ReferralStatusFilter;
  needKind?: NeedKind;
  q?: string;
  caseId?: string;
  page: number;
  pageSize: number;
}

type Q = ReturnType<typeof referralRowsQuery>;

function withStatus(q: Q, status: ReferralStatusFilter | undefined, today: string): Q {
  switch (status) {
    case undefined:
      return q;
    case 'open':
      return q.where(sql<boolean>`r.status in (${openStatuses()})`);
    case 'overdue':
      return q.where(sql<boolean>`r.status in (${openStatuses()})`).where('r.due_on', '<', today);
    case 'closed':
      return q.where('r.status', 'in', [...CLOSED_STATUSES]);
    default:
      return q.where('r.status', '=', status);
  }
}

/** Referrals matching the filter (all but its status) within the scope. */
function filteredReferrals(db: Executor, filter: Omit<ReferralFilter, 'status' | 'page' | 'pageSize'>, scope: Scope): Q {
  let q = referralRowsQuery(db);
  if (scope.kind === 'township') q = q.where('r.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('r.township_id', '=', filter.townshipId);
  if (filter.needKind) q = q.where('r.need_kind', '=', filter.needKind);
  if (filter.caseId) q = q.where('r.case_id', '=', filter.caseId);
  const search = classifyQuery(filter.q ?? '');
  return search ? q.where(personMatches(search, 'either')) : q;
}

const count = async (q: Q) => Number((await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

export async function listReferrals(db: Executor, filter: ReferralFilter, scope: Scope, viewer: ReferralViewer) {
  const base = filteredReferrals(db, filter, scope);
  const q = withStatus(base, filter.status, viewer.today);
  const open = sql`r.status in (${openStatuses()})`;
  const rows = await q
    // Overdue first (most overdue on top), then open ones by due date, then closed ones, latest first.
    .orderBy(sql`case when ${open} and r.due_on < ${viewer.today} then 0 when ${open} then 1 else 2 end`)
    .orderBy(sql`case when ${open} then r.due_on end`)
    .orderBy('r.closed_on', 'desc')
    .orderBy('r.referral_no', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const [total, overdueTotal] = await Promise.all([count(q), count(withStatus(base, 'overdue', viewer.today))]);
  return { rows: rows.map((r) => toReferralRow(r, viewer)), total, overdueTotal, today: viewer.today };
}

/** A referral's household township, refused outside the user's scope. */
async function referralInScope(db: Executor, scope: Scope, id: string) {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到该转介记录');
  assertTownshipInScope(scope, row.township_id);
  return row;
}

export async function referralDetail(db: Executor, id: string, scope: Scope, viewer: ReferralViewer): Promise<ReferralDetail> {
  const stored = await referralInScope(db, scope, id);
  const row = await referralRowsQuery(db)
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['o.phone as organisation_phone', 'o.contact_name as organisation_contact', 'u.display_name as created_by_name', 'r.created_at'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await db.selectFrom('referral_events').select(['seq', 'status', 'on_date', 'note', 'user_name', 'acted_at']).where('referral_id', '=', id).orderBy('seq').execute();
  const shown = viewer.seesRecords;
  return {
    ...toReferralRow(row, viewer),
    masked: !shown,
    need: shown ? stored.need : null,
    outcome: shown ? stored.outcome : null,
    organisationPhone: row.organisation_phone,
    organisationContact: row.organisation_contact,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    events: events.map((e) => ({ seq: e.seq, status: e.status as ReferralStatus, onDate: e.on_date, note: shown ? e.note : null, userName: e.user_name, actedAt: e.acted_at })),
  };
}

/** Living people in scope, by name or ID number, with their household: whom a referral may be made for. */
export async function referralCandidates(db: Executor, q: string, scope: Scope, today: string): Promise<ReferralCandidate[]> {
  const search = classifyQuery(q);
  if (!search) return [];
  const rows = await candidatesQuery(db, search, scope)
    .select((eb) => eb.selectFrom('persons as head').select('head.name').whereRef('head.id', '=', 'h.head_person_id').as('head_name'))
    .orderBy('p.name')
    .limit(CANDIDATE_LIMIT)
    .execute();
  return rows.map((r) => ({
    ...toCandidate(r, today),
    // Never null here: the query joins the household.
    householdId: r.household_id ?? '',
    isHead: r.head_person_id === r.id,
    headName: r.head_name,
  }));
}

/** The display name an event keeps of the clerk who acted. */
async function actorName(db: Executor, actor: Actor): Promise<string> {
  const user = actor.userId ? await db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirst() : undefined;
  return user?.display_name ?? actor.username ?? '系统';
}

/** The next number of the referral's year: ZJYYYY-NNNN. */
async function nextReferralNo(db: Executor, year: string): Promise<string> {
  const last = await db
    .selectFrom('referrals')
    .select(sql<number | null>`max(cast(substr(referral_no, 8) as integer))`.as('n'))
    .where('referral_no', 'like', `ZJ${year}-%`)
    .executeTakeFirst();
  return referralNo(year, Number(last?.n ?? 0) + 1);
}

export interface ReferralInput {
  householdId: string;
  personId?: string | null;
  needKind: NeedKind;
  need: string;
  organisationId: string;
  referredOn: string;
  dueOn: string;
  caseId?: string | null;
}

const issue = (path: string, message: string): FieldIssue => ({ path: [path], message });

/** What is wrong with a new referral for this household, each at its field. */
async function createIssues(db: Executor, input: ReferralInput, household: { id: string; township_id: string }, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.personId) {
    const person = await db.selectFrom('persons').select(['household_id', 'name', 'deceased_on']).where('id', '=', input.personId).executeTakeFirst();
    if (!person || person.household_id !== household.id) issues.push(issue('personId', '所选人员不是该户的家庭成员'));
    else if (person.deceased_on) issues.push(issue('personId', `${person.name}已登记死亡，不能转介`));
  }
  const organisation = await db
    .selectFrom('care_organisations as o')
    .leftJoin('townships as t', 't.id', 'o.township_id')
    .select(['o.name', 'o.active', 'o.township_id', 't.name as township_name'])
    .where('o.id', '=', input.organisationId)
    .executeTakeFirst();
  if (!organisation || !organisation.active) issues.push(issue('organisationId', '所选帮扶机构不存在或已停用'));
  else if (organisation.township_id && organisation.township_id !== household.township_id) {
    issues.push(issue('organisationId', `${organisation.name}只服务${organisation.township_name ?? '其所在乡镇'}，该户不在其服务范围`));
  }
  if (input.referredOn > today) issues.push(issue('referredOn', '转介日期不能晚于今天'));
  if (input.dueOn < input.referredOn) issues.push(issue('dueOn', '反馈期限不能早于转介日期'));
  if (input.caseId) {
    const found = await db.selectFrom('cases').select('household_id').where('id', '=', input.caseId).executeTakeFirst();
    if (!found) issues.push(issue('caseId', '找不到所选审批案件'));
    else if (found.household_id !== household.id) issues.push(issue('caseId', '所选审批案件不是该户的案件'));
  }
  return issues;
}

export async function createReferral(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ReferralInput): Promise<{ id: string; referralNo: string }> {
  return db.transaction().execute(async (trx) => {
    const household = await trx.selectFrom('households').select(['id', 'township_id']).where('id', '=', input.householdId).executeTakeFirst();
    if (!household) throw new AppError('NOT_FOUND', '找不到该户');
    assertTownshipInScope(scope, household.township_id);
    throwIfIssues(await createIssues(trx, input, household, today));
    const id = newId();
    const no = await nextReferralNo(trx, input.referredOn.slice(0, 4));
    const now = at.toISOString();
    await trx
      .insertInto('referrals')
      .values({
        id,
        referral_no: no,
        household_id: household.id,
        person_id: input.personId ?? null,
        township_id: household.township_id,
        need_kind: input.needKind,
        need: input.need,
        organisation_id: input.organisationId,
        referred_on: input.referredOn,
        due_on: input.dueOn,
        status: 'referred',
        outcome: null,
        closed_on: null,
        case_id: input.caseId ?? null,
        created_by: actor.userId!,
        created_at: now,
        updated_at: now,
        version: 0,
      })
      .execute();
    await trx
      .insertInto('referral_events')
      .values({ id: newId(), referral_id: id, seq: 1, status: 'referred', on_date: input.referredOn, note: null, user_name: await actorName(trx, actor), acted_at: now })
      .execute();
    await recordAudit(trx, actor, at, {
      action: 'referral.create',
      entity: 'referral',
      entityId: id,
      after: { referralNo: no, householdId: household.id, personId: input.personId ?? null, needKind: input.needKind, organisationId: input.organisationId, referredOn: input.referredOn, dueOn: input.dueOn, caseId: input.caseId ?? null },
    });
    return { id, referralNo: no };
  });
}

export interface ReferralUpdate {
  id: string;
  version: number;
  status: ReferralStatus;
  onDate: string;
  note: string | null;
  outcome: string | null;
}

const label = (s: ReferralStatus) => `“${REFERRAL_STATUS_LABELS[s]}”`;

function moveIssue(from: ReferralStatus, to: ReferralStatus): FieldIssue | null {
  if (canMove(from, to)) return null;
  const next = STATUS_MOVES[from];
  if (next.length === 0) return issue('status', `${label(from)}的转介已结束，不能再变更状态`);
  return issue('status', `${label(from)}的转介只能改为${next.map(label).join('或')}`);
}

export async function updateReferral(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ReferralUpdate): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ref = await referralInScope(trx, scope, input.id);
    if (ref.version !== input.version) throw new AppError('CONFLICT', '该转介已被他人更新，请刷新后再试');
    const from = ref.status as ReferralStatus;
    const last = await trx.selectFrom('referral_events').select(['seq', 'on_date']).where('referral_id', '=', ref.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const issues: FieldIssue[] = [];
    const move = moveIssue(from, input.status);
    if (move) issues.push(move);
    if (input.onDate > today) issues.push(issue('onDate', '日期不能晚于今天'));
    else if (input.onDate < ref.referred_on) issues.push(issue('onDate', `日期不能早于转介日期（${ref.referred_on}）`));
    else if (input.onDate < last.on_date) issues.push(issue('onDate', `日期不能早于上次状态变更（${last.on_date}）`));
    const closing = needsOutcome(input.status);
    if (closing && !input.outcome) issues.push(issue('outcome', input.status === 'declined' ? '请写明机构未接收的原因' : '请填写办理结果'));
    throwIfIssues(issues);
    const now = at.toISOString();
    await trx
      .updateTable('referrals')
      .set({ status: input.status, ...(closing ? { outcome: input.outcome, closed_on: input.onDate } : {}), version: ref.version + 1, updated_at: now })
      .where('id', '=', ref.id)
      .execute();
    await trx
      .insertInto('referral_events')
      .values({ id: newId(), referral_id: ref.id, seq: last.seq + 1, status: input.status, on_date: input.onDate, note: input.note, user_name: await actorName(trx, actor), acted_at: now })
      .execute();
    await recordAudit(trx, actor, at, { action: 'referral.update', entity: 'referral', entityId: ref.id, after: { from, status: input.status, onDate: input.onDate } });
  });
}

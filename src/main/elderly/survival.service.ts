/**
 * Survival checks (生存认证) of 高龄津贴, twice a year. The beneficiaries of a half-year are the enrollments
 * paid in its last month or checked in it (stopped ones included, so a period keeps its list after the stops); a check
 * is recorded once per person and period. After the period and the county's grace days, `stopMissing` stops
 * in one transaction every 在保 高龄津贴 without an 'alive' check: paid through this month, none from the next.
 */
import { sql } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import { ageOn, monthOf } from '../../shared/domain/dates';
import { periodEnd, periodJustEnded, periodLabel, periodMonths, periodStart, stopAllowedFrom, SURVIVAL_RESULT_LABELS, type SurvivalMethod, type SurvivalResult } from '../../shared/domain/elderly';
import { maskIdNumber } from '../../shared/domain/id-number';
import { COVERED_STATUSES } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import type { SurvivalRow } from '../../shared/api/elderly.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import { newId } from '../app/ids';
import { recordAudit, recordAuditBatch, type Actor, type AuditRecord } from '../audit/audit.service';
import { classifyQuery, personMatches } from '../ledger/ledger-search';
import { loadElderPolicy } from './elder-policy';
import { personInScope } from '../ledger/person-file';
import type { ElderlyViewer } from './elderly-viewer';

/**
 * 高龄津贴 enrollments of the period, each with its person's check of the period (if any): those paid in its
 * last month, and those paid earlier in it that have a check (a death found by the check stops them sooner).
 */
function beneficiaries(db: Executor, period: string, scope: Scope, townshipId?: string) {
  const { first, last } = periodMonths(period);
  let q = db
    .selectFrom('enrollments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .innerJoin('households as h', 'h.id', 'e.household_id')
    .leftJoin('survival_checks as s', (join) => join.onRef('s.person_id', '=', 'e.person_id').on('s.period', '=', period))
    .where('e.program', '=', 'gaoling')
    .where('e.start_month', '<=', last)
    .where((eb) => eb.or([eb('e.end_month', 'is', null), eb('e.end_month', '>=', last), eb.and([eb('s.id', 'is not', null), eb('e.end_month', '>=', first)])]));
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  if (townshipId) q = q.where('h.township_id', '=', townshipId);
  return q;
}

export interface SurvivalFilter {
  period: string;
  townshipId?: string;
  state: 'all' | 'checked' | 'missing';
  q?: string;
  page: number;
  pageSize: number;
}

export async function listSurvival(db: Executor, filter: SurvivalFilter, scope: Scope, viewer: ElderlyViewer) {
  const base = beneficiaries(db, filter.period, scope, filter.townshipId);
  let q = base;
  if (filter.state === 'checked') q = q.where('s.id', 'is not', null);
  if (filter.state === 'missing') q = q.where('s.id', 'is', null);
  const search = classifyQuery(filter.q ?? '');
  if (search) q = q.where(personMatches(search, 'either'));

  const [counted, totals, pending, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.count<number>('s.id').as('checked'),
        sql<number>`coalesce(sum(case when s.result = 'deceased' then 1 else 0 end), 0)`.as('deceased'),
      ])
      .executeTakeFirstOrThrow(),
    // What stopMissing would stop, within the viewer's reach (county-wide for the county's clerks).
    stoppable(beneficiaries(db, filter.period, scope))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    q
      .innerJoin('townships as t', 't.id', 'h.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .leftJoin('users as u', 'u.id', 's.recorded_by')
      .select([
        'e.id as enrollment_id',
        'e.person_id',
        'e.household_id',
        'e.category',
        'e.status',
        'e.end_month',
        'p.name',
        'p.id_number',
        'p.birth_date',
        'h.township_id',
        't.name as township_name',
        'v.name as village_name',
        's.id as check_id',
        's.checked_on',
        's.method',
        's.result',
        's.deceased_on',
        'u.display_name as recorded_by',
        's.recorded_at',
      ])
      .orderBy('t.code')
      .orderBy('p.name')
      .orderBy('e.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  const policy = await loadElderPolicy(db);
  const allowedFrom = stopAllowedFrom(filter.period, policy.graceDays);
  const all = Number(totals.all);
  const checked = Number(totals.checked);
  return {
    today: viewer.today,
    period: filter.period,
    periodEnd: periodEnd(filter.period),
    total: Number(counted.n),
    totals: { all, checked, missing: all - checked, deceased: Number(totals.deceased) },
    stop: { policyStops: policy.survivalStopsPayment, allowedFrom, allowed: viewer.today >= allowedFrom && filter.period === periodJustEnded(viewer.today), pending: Number(pending.n) },
    rows: rows.map(
      (r): SurvivalRow => ({
        enrollmentId: r.enrollment_id,
        personId: r.person_id!,
        householdId: r.household_id,
        name: r.name,
        idNumber: viewer.seesIds ? r.id_number : maskIdNumber(r.id_number),
        age: ageOn(r.birth_date, viewer.today),
        band: r.category as SurvivalRow['band'],
        townshipId: r.township_id,
        townshipName: r.township_name,
        villageName: r.village_name,
        enrollmentStatus: r.status as SurvivalRow['enrollmentStatus'],
        endMonth: r.end_month,
        check: r.check_id
          ? {
              id: r.check_id,
              period: filter.period,
              checkedOn: r.checked_on!,
              method: r.method as SurvivalMethod,
              result: r.result as SurvivalResult,
              deceasedOn: r.deceased_on,
              recordedBy: r.recorded_by ?? '',
              recordedAt: r.recorded_at!,
            }
          : null,
      }),
    ),
  };
}

/** Still paid (在保 or 渐退) and without an 'alive' check: what a missed or a deceased check stops. */
const stoppable = (q: ReturnType<typeof beneficiaries>) =>
  q.where('e.status', 'in', [...COVERED_STATUSES]).where((eb) => eb.or([eb('s.id', 'is', null), eb('s.result', '<>', 'alive')]));

export interface SurvivalInput {
  personId: string;
  period: string;
  checkedOn: string;
  method: SurvivalMethod;
  result: SurvivalResult;
  deceasedOn?: string | null;
}

export async function recordSurvival(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: SurvivalInput): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, input.personId);
    const label = periodLabel(input.period);
    const start = periodStart(input.period);
    const deceasedOn = input.deceasedOn ?? null;
    if (input.checkedOn > today) throw fieldError('checkedOn', '认证日期不能晚于今天');
    if (input.checkedOn < start) throw fieldError('checkedOn', `认证日期早于${label}的开始（${start}），请核对期间`);
    if (input.result === 'deceased' && !deceasedOn) throw fieldError('deceasedOn', '认证结果为死亡时请填写死亡日期');
    if (input.result === 'alive' && deceasedOn) throw fieldError('deceasedOn', '认证结果为健在时不填写死亡日期');
    if (deceasedOn && deceasedOn > input.checkedOn) throw fieldError('deceasedOn', '死亡日期不能晚于认证日期');
    if (deceasedOn && deceasedOn < person.birth_date) throw fieldError('deceasedOn', '死亡日期早于出生日期，请核对');
    if (input.result === 'alive' && person.deceased_on && person.deceased_on <= input.checkedOn) throw fieldError('result', `台账登记${person.name}已于 ${person.deceased_on} 死亡，请核对`);

    const { first, last } = periodMonths(input.period);
    const paid = await trx
      .selectFrom('enrollment_members as em')
      .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
      .select('e.id')
      .where('em.person_id', '=', input.personId)
      .where('e.program', '=', 'gaoling')
      .where('e.start_month', '<=', last)
      .where((eb) => eb.or([eb('e.end_month', 'is', null), eb('e.end_month', '>=', first)]))
      .executeTakeFirst();
    if (!paid) throw new AppError('VALIDATION', `${person.name}在${label}没有高龄津贴在保记录，无需生存认证`);
    const existing = await trx.selectFrom('survival_checks').select(['checked_on', 'result']).where('person_id', '=', input.personId).where('period', '=', input.period).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `${person.name}${label}的生存认证已于 ${existing.checked_on} 登记（${SURVIVAL_RESULT_LABELS[existing.result as SurvivalResult]}）`);

    const id = newId();
    await trx
      .insertInto('survival_checks')
      .values({ id, person_id: input.personId, period: input.period, checked_on: input.checkedOn, method: input.method, result: input.result, deceased_on: deceasedOn, recorded_by: actor.userId!, recorded_at: at.toISOString() })
      .execute();
    await recordAudit(trx, actor, at, {
      action: 'survival.record',
      entity: 'survival_check',
      entityId: id,
      after: { personId: input.personId, period: input.period, checkedOn: input.checkedOn, method: input.method, result: input.result, deceasedOn },
    });
    return { id };
  });
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Stops the 高龄津贴 of every beneficiary of the period still paid without an 'alive' check, the way a
 * confirmed stop is written (status 'stopped', end_month the last paid month, audit 'enrollment.stop'):
 * a missed check is paid through this month; a check that found the person deceased through the month of
 * death (or this month, if earlier), never before the start. Enrollments under an open case are left to it.
 */
export async function stopMissing(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, period: string) {
  const label = periodLabel(period);
  const policy = await loadElderPolicy(db);
  if (!policy.survivalStopsPayment) throw new AppError('CONFLICT', '按本县设置，未完成生存认证不停发高龄津贴（可在“探访周期”中由管理员修改）');
  const from = stopAllowedFrom(period, policy.graceDays);
  if (today < from) {
    const grace = policy.graceDays > 0 ? `，另有 ${policy.graceDays} 天宽限` : '';
    throw new AppError('CONFLICT', `${label}的生存认证截至 ${periodEnd(period)}${grace}，${from} 起才能停发未认证人员`);
  }
  // Older half-years are history: a missing check then may predate the ledger, and stopping now would be a surprise.
  if (period !== periodJustEnded(today)) throw new AppError('CONFLICT', `只能停发刚结束的认证期间（${periodLabel(periodJustEnded(today))}）的未认证人员`);
  return db.transaction().execute(async (trx) => {
    const rows = await stoppable(beneficiaries(trx, period, scope))
      .select((eb) => [
        'e.id',
        'e.person_id',
        'e.household_id',
        'e.status',
        'e.start_month',
        'e.end_month',
        'e.next_review_on',
        'p.name',
        's.result',
        's.deceased_on',
        eb.selectFrom('cases as c').select('c.case_no').whereRef('c.enrollment_id', '=', 'e.id').where('c.status', '=', 'open').limit(1).as('open_case'),
      ])
      .orderBy('e.id')
      .execute();
    const thisMonth = monthOf(today);
    const skipped: { enrollmentId: string; personId: string; name: string; message: string }[] = [];
    const byEnd = new Map<string, string[]>();
    const audits: AuditRecord[] = [];
    let deceased = 0;
    for (const r of rows) {
      if (r.open_case) {
        skipped.push({ enrollmentId: r.id, personId: r.person_id!, name: r.name, message: `${r.name}的高龄津贴有未办结的案件（${r.open_case}），请在该案件中办理` });
        continue;
      }
      const died = r.result === 'deceased' && r.deceased_on !== null;
      if (died) deceased += 1;
      const cap = r.end_month ? earlier(r.end_month, thisMonth) : thisMonth;
      const end = later(r.start_month, died ? earlier(monthOf(r.deceased_on!), cap) : cap);
      byEnd.set(end, [...(byEnd.get(end) ?? []), r.id]);
      audits.push({
        action: 'enrollment.stop',
        entity: 'enrollment',
        entityId: r.id,
        householdId: r.household_id,
        before: { status: r.status, end_month: r.end_month, next_review_on: r.next_review_on },
        after: { status: 'stopped', end_month: end, next_review_on: null, period },
        reason: died ? `生存认证结果为死亡（${label}）` : `未按期完成生存认证（${label}）`,
      });
    }
    const now = at.toISOString();
    for (const [end, ids] of byEnd) {
      for (let i = 0; i < ids.length; i += 500) {
        await trx.updateTable('enrollments').set({ status: 'stopped', end_month: end, next_review_on: null, updated_at: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
      }
    }
    await recordAuditBatch(trx, actor, at, audits);
    return { stopped: audits.length, deceased, skipped };
  });
}

/**
 * Visits to elderly with special difficulties (特殊困难老年人探访): recording one moves the file's next due
 * date; the overdue and due-soon lists read the due date kept with each open file (one index).
 */
import { AppError } from '../../shared/api/errors';
import type { ElderVisitKind } from '../../shared/domain/elderly';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { elderDueDateOf, loadElderPolicy } from './elder-policy';
import { filteredElders, soonUntil, toElderRow } from './elder-rows';
import { elderlyPerson, fieldError, type ElderlyViewer } from './elderly-person';

export interface ElderVisitInput {
  personId: string;
  visitedOn: string;
  kind: ElderVisitKind;
  visitor: string;
  findings: string;
  needs: string | null;
  followUp: string | null;
}

export async function recordElderVisit(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ElderVisitInput): Promise<{ id: string; nextDueOn: string }> {
  return db.transaction().execute(async (trx) => {
    await elderlyPerson(trx, scope, input.personId);
    const elder = await trx.selectFrom('elders').selectAll().where('person_id', '=', input.personId).executeTakeFirst();
    if (!elder) throw new AppError('NOT_FOUND', '该人员尚未建立特殊困难老年人档案');
    if (elder.closed_on) throw new AppError('CONFLICT', '档案已结案，不能再记录探访');
    if (input.visitedOn > today) throw fieldError('visitedOn', '探访日期不能晚于今天');
    if (input.visitedOn < elder.opened_on) throw fieldError('visitedOn', `探访日期早于建档日期（${elder.opened_on}），请核对`);
    const id = newId();
    await trx
      .insertInto('elder_visits')
      .values({ id, person_id: input.personId, visited_on: input.visitedOn, kind: input.kind, visitor: input.visitor, findings: input.findings, needs: input.needs, follow_up: input.followUp, recorded_by: actor.userId!, recorded_at: at.toISOString() })
      .execute();
    // A visit entered late (an older date) does not move the last visit back.
    const last = elder.last_visited_on && elder.last_visited_on > input.visitedOn ? elder.last_visited_on : input.visitedOn;
    const nextDueOn = elderDueDateOf(await loadElderPolicy(trx), { ...elder, last_visited_on: last });
    await trx.updateTable('elders').set({ last_visited_on: last, next_due_on: nextDueOn, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'elder.visit', entity: 'elder', entityId: input.personId, after: { visitId: id, visitedOn: input.visitedOn, kind: input.kind } });
    return { id, nextDueOn };
  });
}

/** How many rows each list returns at most; the totals say how many there are. */
export const ELDER_DUE_LIMIT = 300;

/** Open files whose visit is overdue, and those due within the policy's days, most urgent first. */
export async function eldersDue(db: Executor, filter: { townshipId?: string }, scope: Scope, viewer: ElderlyViewer) {
  const policy = await loadElderPolicy(db);
  const soon = soonUntil(viewer.today, policy);
  const read = async (q: ReturnType<typeof filteredElders>) => {
    const [rows, total] = await Promise.all([
      q.orderBy('e.next_due_on').orderBy('p.name').limit(ELDER_DUE_LIMIT).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => toElderRow(r, viewer, policy)), total: Number(total.n) };
  };
  // The same conditions as the file list's 探访状态 filter, so the reminders and the filtered list agree.
  const overdue = await read(filteredElders(db, { ...filter, state: 'overdue' }, scope, viewer.today, soon));
  const dueSoon = await read(filteredElders(db, { ...filter, state: 'soon' }, scope, viewer.today, soon));
  return { today: viewer.today, overdue: overdue.rows, overdueTotal: overdue.total, dueSoon: dueSoon.rows, dueSoonTotal: dueSoon.total };
}

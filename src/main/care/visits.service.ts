/**
 * Visits (探视巡访): recording one moves the child's next due date; the lists of overdue visits and visits
 * due soon read the due date kept with each open file (one index), per township and per 儿童主任.
 */
import { AppError } from '../../shared/api/errors';
import type { VisitKind } from '../../shared/domain/care';
import type { Scope } from '../../shared/domain/roles';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { newId } from '../app/ids';
import { childPerson, filteredChildren } from './children.service';
import { soonUntil, toChildRow, type ChildViewer } from './child-rows';
import { dueDateOf, loadVisitPolicy } from './visit-policy';

export interface VisitInput {
  childId: string;
  visitedOn: string;
  kind: VisitKind;
  visitor: string;
  findings: string;
  needs: string | null;
  followUp: string | null;
}

export async function recordVisit(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: VisitInput): Promise<{ id: string; nextDueOn: string }> {
  return db.transaction().execute(async (trx) => {
    await childPerson(trx, scope, input.childId);
    const child = await trx.selectFrom('children').selectAll().where('person_id', '=', input.childId).executeTakeFirst();
    if (!child) throw new AppError('NOT_FOUND', '该人员尚未建立儿童关爱档案');
    if (child.closed_on) throw new AppError('CONFLICT', '档案已结案，不能再记录探访');
    const field = (message: string) => new AppError('VALIDATION', message, { fields: [{ path: ['visitedOn'], message }] });
    if (input.visitedOn > today) throw field('探访日期不能晚于今天');
    if (input.visitedOn < child.opened_on) throw field(`探访日期早于建档日期（${child.opened_on}），请核对`);
    const id = newId();
    await trx
      .insertInto('child_visits')
      .values({ id, child_id: input.childId, visited_on: input.visitedOn, kind: input.kind, visitor: input.visitor, findings: input.findings, needs: input.needs, follow_up: input.followUp, recorded_by: actor.userId!, recorded_at: at.toISOString() })
      .execute();
    // A visit entered late (an older date) does not move the last visit back.
    const last = child.last_visited_on && child.last_visited_on > input.visitedOn ? child.last_visited_on : input.visitedOn;
    const nextDueOn = dueDateOf(await loadVisitPolicy(trx), { ...child, last_visited_on: last });
    await trx.updateTable('children').set({ last_visited_on: last, next_due_on: nextDueOn, updated_at: at.toISOString() }).where('person_id', '=', input.childId).execute();
    await recordAudit(trx, actor, at, { action: 'child.visit', entity: 'child', entityId: input.childId, after: { visitId: id, visitedOn: input.visitedOn, kind: input.kind } });
    return { id, nextDueOn };
  });
}

/** How many rows each list returns at most; the totals say how many there are. */
export const DUE_LIST_LIMIT = 300;

/** Open files whose visit is overdue, and those due within the policy's days, most urgent first. */
export async function visitsDue(db: Executor, filter: { townshipId?: string; directorId?: string }, scope: Scope, viewer: ChildViewer) {
  const policy = await loadVisitPolicy(db);
  const soon = soonUntil(viewer.today, policy);
  const read = async (q: ReturnType<typeof filteredChildren>) => {
    const [rows, total] = await Promise.all([
      q.orderBy('c.next_due_on').orderBy('p.name').limit(DUE_LIST_LIMIT).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => toChildRow(r, viewer, policy)), total: Number(total.n) };
  };
  // The same conditions as the ledger's 探访状态 filter, so the reminders and the filtered ledger agree.
  const overdue = await read(filteredChildren(db, { ...filter, dueState: 'overdue' }, scope, viewer.today, soon));
  const dueSoon = await read(filteredChildren(db, { ...filter, dueState: 'soon' }, scope, viewer.today, soon));
  return { today: viewer.today, overdue: overdue.rows, overdueTotal: overdue.total, dueSoon: dueSoon.rows, dueSoonTotal: dueSoon.total };
}

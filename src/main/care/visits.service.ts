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
import { DUE_LIST_LIMIT, lastVisitAfter, personInScope, soonUntil, visitColumns, type FileViewer, type VisitFields } from '../ledger/person-file';
import { filteredChildren } from './children.service';
import { toChildRow } from './child-rows';
import { dueDateOf, loadVisitPolicy } from './visit-policy';

export interface VisitInput extends VisitFields<VisitKind> {
  childId: string;
}

export async function recordVisit(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: VisitInput): Promise<{ id: string; nextDueOn: string }> {
  return db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, input.childId);
    const child = await trx.selectFrom('children').selectAll().where('person_id', '=', input.childId).executeTakeFirst();
    if (!child) throw new AppError('NOT_FOUND', '该人员尚未建立儿童关爱档案');
    const last = lastVisitAfter(child, input.visitedOn, today);
    const id = newId();
    await trx.insertInto('child_visits').values({ ...visitColumns(id, input, actor.userId!, at), child_id: input.childId }).execute();
    const nextDueOn = dueDateOf(await loadVisitPolicy(trx), { ...child, last_visited_on: last });
    await trx.updateTable('children').set({ last_visited_on: last, next_due_on: nextDueOn, updated_at: at.toISOString() }).where('person_id', '=', input.childId).execute();
    await recordAudit(trx, actor, at, { action: 'child.visit', entity: 'child', entityId: input.childId, after: { visitId: id, visitedOn: input.visitedOn, kind: input.kind } });
    return { id, nextDueOn };
  });
}

/** Open files whose visit is overdue, and those due within the policy's days, most urgent first. */
export async function visitsDue(db: Executor, filter: { townshipId?: string; directorId?: string }, scope: Scope, viewer: FileViewer) {
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

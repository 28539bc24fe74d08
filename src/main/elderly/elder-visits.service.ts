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
import { DUE_LIST_LIMIT, lastVisitAfter, personInScope, soonUntil, visitColumns, type VisitFields } from '../ledger/person-file';
import { elderDueDateOf, loadElderPolicy } from './elder-policy';
import { filteredElders, toElderRow } from './elder-rows';
import type { ElderlyViewer } from './elderly-viewer';

export interface ElderVisitInput extends VisitFields<ElderVisitKind> {
  personId: string;
}

export async function recordElderVisit(db: LedgerDb, actor: Actor, at: Date, scope: Scope, today: string, input: ElderVisitInput): Promise<{ id: string; nextDueOn: string }> {
  return db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, input.personId);
    const elder = await trx.selectFrom('elders').selectAll().where('person_id', '=', input.personId).executeTakeFirst();
    if (!elder) throw new AppError('NOT_FOUND', '该人员尚未建立特殊困难老年人档案');
    const last = lastVisitAfter(elder, input.visitedOn, today);
    const id = newId();
    await trx.insertInto('elder_visits').values({ ...visitColumns(id, input, actor.userId!, at), person_id: input.personId }).execute();
    const nextDueOn = elderDueDateOf(await loadElderPolicy(trx), { ...elder, last_visited_on: last });
    await trx.updateTable('elders').set({ last_visited_on: last, next_due_on: nextDueOn, updated_at: at.toISOString() }).where('person_id', '=', input.personId).execute();
    await recordAudit(trx, actor, at, { action: 'elder.visit', entity: 'elder', entityId: input.personId, after: { visitId: id, visitedOn: input.visitedOn, kind: input.kind } });
    return { id, nextDueOn };
  });
}

/** Open files whose visit is overdue, and those due within the policy's days, most urgent first. */
export async function eldersDue(db: Executor, filter: { townshipId?: string }, scope: Scope, viewer: ElderlyViewer) {
  const policy = await loadElderPolicy(db);
  const soon = soonUntil(viewer.today, policy);
  const read = async (q: ReturnType<typeof filteredElders>) => {
    const [rows, total] = await Promise.all([
      q.orderBy('e.next_due_on').orderBy('p.name').limit(DUE_LIST_LIMIT).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => toElderRow(r, viewer, policy)), total: Number(total.n) };
  };
  // The same conditions as the file list's 探访状态 filter, so the reminders and the filtered list agree.
  const overdue = await read(filteredElders(db, { ...filter, state: 'overdue' }, scope, viewer.today, soon));
  const dueSoon = await read(filteredElders(db, { ...filter, state: 'soon' }, scope, viewer.today, soon));
  return { today: viewer.today, overdue: overdue.rows, overdueTotal: overdue.total, dueSoon: dueSoon.rows, dueSoonTotal: dueSoon.total };
}

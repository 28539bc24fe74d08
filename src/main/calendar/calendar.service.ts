/**
 * The holiday calendar in the ledger: the official arrangements shipped for 2024–2026, and whatever the
 * administrator enters offline (next year's arrangement arrives each November–December). Deadlines in
 * working days are computed from it.
 */
import { AppError } from '../../shared/api/errors';
import type { CalendarDayRow } from '../../shared/api/contract';
import { isValidIsoDate } from '../../shared/domain/dates';
import { WorkCalendar } from '../../shared/domain/work-calendar';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';

export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).execute();
  return new WorkCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name })));
}

export async function calendarYear(db: Executor, year: number) {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name', 'source'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  const calendar = await loadWorkCalendar(db);
  const days: CalendarDayRow[] = rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDayRow['kind'], name: r.name, source: r.source as CalendarDayRow['source'] }));
  return { year, covered: calendar.covers(year), days, workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`) };
}

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

export async function saveCalendarDay(db: LedgerDb, actor: Actor, at: Date, input: { date: string; kind: 'holiday' | 'workday' | null; name: string }): Promise<void> {
  if (!isValidIsoDate(input.date)) throw new AppError('VALIDATION', '日期无效', { fields: [{ path: ['date'], message: '日期无效' }] });
  if (input.kind === 'workday' && !weekend(input.date)) {
    throw new AppError('VALIDATION', '调休上班日应在周六或周日', { fields: [{ path: ['kind'], message: '调休上班日应在周六或周日' }] });
  }
  if (input.kind === 'holiday' && !input.name) throw new AppError('VALIDATION', '请填写节日名称', { fields: [{ path: ['name'], message: '请填写节日名称，如 春节' }] });
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').selectAll().where('date', '=', input.date).executeTakeFirst();
    if (input.kind === null) {
      if (!before) return;
      await trx.deleteFrom('calendar_days').where('date', '=', input.date).execute();
      await recordAudit(trx, actor, at, { action: 'calendar.remove', entity: 'calendar', entityId: input.date, before });
      return;
    }
    const row = { date: input.date, kind: input.kind, name: input.name, source: 'local', updated_by: actor.userId, updated_at: at.toISOString() };
    await trx
      .insertInto('calendar_days')
      .values(row)
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, source: row.source, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
    await recordAudit(trx, actor, at, { action: 'calendar.set', entity: 'calendar', entityId: input.date, before, after: row });
  });
}

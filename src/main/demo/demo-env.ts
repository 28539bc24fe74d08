/** The demo staff acting on a given day, as the workflow engine sees a signed-in user. */
import { DEFAULT_POLICY } from '../../shared/domain/workflow/types';
import { scopeOf, type Role } from '../../shared/domain/roles';
import type { LedgerDb } from '../db/schema';
import { loadWorkCalendar } from '../calendar/calendar.service';
import type { EngineEnv } from '../cases/case-engine';

export type DemoEnv = (username: string, day: string) => EngineEnv;

export async function demoEnv(db: LedgerDb): Promise<DemoEnv> {
  const calendar = await loadWorkCalendar(db);
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'township_id']).execute();
  return (username, day) => {
    const u = users.find((x) => x.username === username)!;
    return {
      actor: { userId: u.id, username: u.username },
      user: { id: u.id, displayName: u.display_name, role: u.role as Role, townshipId: u.township_id },
      scope: scopeOf(u.role as Role, u.township_id),
      at: new Date(`${day}T10:00:00+08:00`),
      today: day,
      calendar,
      policy: DEFAULT_POLICY,
    };
  };
}

/** Each township's demo clerk, by township id. */
export async function demoClerks(db: LedgerDb): Promise<Map<string, string>> {
  const clerks = await db.selectFrom('users').select(['username', 'township_id']).where('role', '=', 'township_clerk').execute();
  return new Map(clerks.map((u) => [u.township_id!, u.username]));
}

import { toIsoDate } from '../../shared/domain/dates';
import type { UserContext } from '../rpc/context';
import type { Executor } from '../db/schema';
import { loadWorkCalendar } from '../calendar/calendar.service';
import { loadPolicy } from '../workflows/workflows.service';
import type { EngineEnv } from './case-engine';

/** The engine's view of a call: who, when (by the backend clock), the holiday calendar and the policy. */
export async function engineEnv(ctx: UserContext, db: Executor = ctx.db): Promise<EngineEnv> {
  const at = ctx.backend.clock.now();
  return {
    actor: ctx.actor,
    user: { id: ctx.user.id, displayName: ctx.user.displayName, role: ctx.user.role, townshipId: ctx.user.townshipId },
    scope: ctx.scope,
    at,
    today: toIsoDate(at),
    calendar: await loadWorkCalendar(db),
    policy: await loadPolicy(db),
  };
}

import { toIsoDate } from '../../shared/domain/dates';
import { seesFullIdNumbers } from '../../shared/domain/roles';
import type { UserContext } from '../rpc/context';
import type { Viewer } from './ledger.service';

/** Who is looking, and when: scope, whether IDs are masked, and today's date by the backend clock. */
export function viewerOf(ctx: UserContext): Viewer {
  return { scope: ctx.scope, maskIds: !seesFullIdNumbers(ctx.user.role), today: toIsoDate(ctx.backend.clock.now()) };
}

import type { HandlerGroup } from '../rpc/context';
import { saveTownship, saveVillage, townshipsInScope, villagesOf } from './regions.service';

export const regionsHandlers: HandlerGroup<'regions.townships' | 'regions.villages' | 'regions.saveTownship' | 'regions.saveVillage'> = {
  'regions.townships': async (_input, ctx) => townshipsInScope(ctx.db, ctx.scope),
  // The router has already refused another township's id for township-bound users.
  'regions.villages': async (input, ctx) => villagesOf(ctx.db, input.townshipId),
  'regions.saveTownship': async (input, ctx) => saveTownship(ctx.db, ctx.actor, ctx.backend.clock.now(), input),
  'regions.saveVillage': async (input, ctx) => saveVillage(ctx.db, ctx.actor, ctx.backend.clock.now(), input),
};

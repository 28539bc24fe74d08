import type { HandlerGroup } from '../rpc/context';
import { householdDetail } from '../ledger/ledger.service';
import { viewerOf } from '../ledger/viewer';
import { addMember, memberIssues, registerHouseholds, requireHousehold, updateHousehold, updatePerson } from './households.service';
import { householdTimeline } from './timeline';

export const householdsHandlers: HandlerGroup<
  'households.get' | 'households.timeline' | 'households.checkMembers' | 'households.create' | 'households.update' | 'persons.update' | 'persons.add'
> = {
  'households.get': async (input, ctx) => householdDetail(ctx.db, viewerOf(ctx), input.id),
  'households.timeline': async (input, ctx) => {
    await requireHousehold(ctx.db, ctx.scope, input.id);
    return householdTimeline(ctx.db, input.id, viewerOf(ctx).maskIds);
  },
  'households.checkMembers': async (input, ctx) => {
    if (input.householdId) await requireHousehold(ctx.db, ctx.scope, input.householdId);
    return { problems: await memberIssues(ctx.db, input.members, input.householdId) };
  },
  'households.create': async (input, ctx) => {
    const { members, townshipId, ...fields } = input;
    const { householdIds } = await registerHouseholds(ctx.db, ctx.actor, ctx.backend.clock.now(), [{ ...fields, townshipId, members }]);
    return { id: householdIds[0]! };
  },
  'households.update': async (input, ctx) => {
    await updateHousehold(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input);
    return { ok: true };
  },
  'persons.update': async (input, ctx) => {
    await updatePerson(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input);
    return { ok: true };
  },
  'persons.add': async (input, ctx) => ({ id: await addMember(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input) }),
};

import type { HandlerGroup } from '../rpc/context';
import { countRegions, findTownship } from '../regions/regions.repository';
import { loadSettings } from '../settings/settings.service';
import { countActiveUsers } from '../users/users.repository';
import { countPeople } from '../households/households.repository';

export const workspaceHandlers: HandlerGroup<'workspace.overview' | 'jobs.cancel'> = {
  'workspace.overview': async (_input, ctx) => {
    const { county } = await loadSettings(ctx.db);
    const scopeTownshipId = ctx.scope.kind === 'township' ? ctx.scope.townshipId : undefined;
    const township = scopeTownshipId ? await findTownship(ctx.db, scopeTownshipId) : undefined;
    const counts = await countRegions(ctx.db, ctx.scope);
    return {
      county,
      scopeTownship: township ? { id: township.id, name: township.name } : null,
      townships: counts.townships,
      villages: counts.villages,
      activeUsers: await countActiveUsers(ctx.db, scopeTownshipId),
      ...(await countPeople(ctx.db, ctx.scope)),
    };
  },
  'jobs.cancel': async (input, ctx) => {
    const job = ctx.session.jobs.get(input.jobId);
    job?.abort();
    return { cancelled: Boolean(job) };
  },
};

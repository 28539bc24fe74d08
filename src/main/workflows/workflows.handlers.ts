import type { HandlerGroup } from '../rpc/context';
import { listWorkflows, saveOverrides, savePolicy } from './workflows.service';

export const workflowsHandlers: HandlerGroup<'workflows.list' | 'workflows.save' | 'workflows.savePolicy'> = {
  'workflows.list': async (_input, ctx) => listWorkflows(ctx.db),
  'workflows.save': async (input, ctx) => {
    await saveOverrides(ctx.db, ctx.actor, ctx.backend.clock.now(), input.kind, input.overrides);
    return { ok: true };
  },
  'workflows.savePolicy': async (input, ctx) => {
    await savePolicy(ctx.db, ctx.actor, ctx.backend.clock.now(), input);
    return { ok: true };
  },
};

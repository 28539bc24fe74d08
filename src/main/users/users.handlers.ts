import type { HandlerGroup } from '../rpc/context';
import { createUser, listUsers, setUserActive, setUserPassword, updateUser } from './users.service';

export const usersHandlers: HandlerGroup<'users.list' | 'users.create' | 'users.update' | 'users.setActive' | 'users.resetPassword'> = {
  'users.list': async (_input, ctx) => listUsers(ctx.backend),
  'users.create': async (input, ctx) => createUser(ctx.backend, ctx.actor, input),
  'users.update': async (input, ctx) => updateUser(ctx.backend, ctx.actor, input),
  'users.setActive': async (input, ctx) => setUserActive(ctx.backend, ctx.actor, input),
  'users.resetPassword': async (input, ctx) => {
    await setUserPassword(ctx.backend, ctx.actor, { id: input.id, newPassword: input.newPassword, byOwner: false });
    return { ok: true };
  },
};

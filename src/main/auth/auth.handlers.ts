import { AppError } from '../../shared/api/errors';
import type { SessionInfo } from '../../shared/api/contract';
import type { HandlerGroup, PublicContext } from '../rpc/context';
import { lockWhenIdle, type Session } from '../rpc/sessions';
import { loadSettings } from '../settings/settings.service';
import { findUserById } from '../users/users.repository';
import { toSessionUser } from '../users/users.service';
import { authenticate, changeOwnPassword, recoverAdministrator, setupLedger, verifyPassword } from './auth.service';

async function sessionInfo(ctx: PublicContext, session: Session): Promise<SessionInfo> {
  if (!session.user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  const settings = await loadSettings(ctx.backend.store.db);
  session.idleLockMinutes = settings.idleLockMinutes;
  return { user: session.user, county: settings.county, idleLockMinutes: settings.idleLockMinutes, locked: session.locked };
}

/** Signs the session out, and closes the ledger (forgetting its key) once nobody is signed in. */
async function signOut(ctx: PublicContext): Promise<void> {
  ctx.sessions.destroy(ctx.session);
  if (ctx.sessions.signedInCount() === 0) await ctx.backend.store.close();
}

export const setupHandlers: HandlerGroup<'setup.status' | 'setup.create'> = {
  'setup.status': async (_input, ctx) => {
    const { store } = ctx.backend;
    if (!store.isInitialized()) return { initialized: false, county: null };
    // The county name lives inside the encrypted ledger: only shown once someone has unlocked it.
    return { initialized: true, county: store.isOpen() ? (await loadSettings(store.db)).county : null };
  },
  'setup.create': async (input, ctx) => {
    const { recoveryCode } = await setupLedger(ctx.backend, input);
    ctx.backend.log.info('ledger.created');
    return { recoveryCode };
  },
};

export const authHandlers: HandlerGroup<
  | 'auth.session'
  | 'auth.login'
  | 'auth.recover'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.heartbeat'
  | 'auth.changePassword'
> = {
  'auth.session': async (_input, ctx) => {
    if (!ctx.session.user || !ctx.backend.store.isOpen()) return { session: null };
    // A page reloaded after the idle minutes opens on the lock screen, not on the data.
    lockWhenIdle(ctx.session, ctx.backend.clock.now().getTime());
    return { session: await sessionInfo(ctx, ctx.session) };
  },
  'auth.login': async (input, ctx) => {
    if (!ctx.backend.store.isInitialized()) throw new AppError('NOT_INITIALIZED', '尚未创建台账，请先完成初始设置');
    const user = await authenticate(ctx.backend, input.username, input.password);
    ctx.sessions.rotate(ctx.session);
    ctx.session.user = user;
    ctx.session.locked = false;
    ctx.session.lastActivityAt = ctx.backend.clock.now().getTime();
    ctx.backend.log.info('auth.login', { role: user.role });
    return sessionInfo(ctx, ctx.session);
  },
  'auth.recover': async (input, ctx) => {
    await recoverAdministrator(ctx.backend, input.recoveryCode, input.username, input.newPassword);
    return { ok: true };
  },
  'auth.logout': async (_input, ctx) => {
    await signOut(ctx);
    return { ok: true };
  },
  'auth.lock': async (_input, ctx) => {
    ctx.session.locked = true;
    return { ok: true };
  },
  'auth.unlock': async (input, ctx) => {
    await verifyPassword(ctx.backend, ctx.user, input.password);
    ctx.session.locked = false;
    ctx.session.lastActivityAt = ctx.backend.clock.now().getTime();
    return sessionInfo(ctx, ctx.session);
  },
  'auth.heartbeat': async () => ({ ok: true }),
  'auth.changePassword': async (input, ctx) => {
    await changeOwnPassword(ctx.backend, ctx.user, input.currentPassword, input.newPassword);
    const row = await findUserById(ctx.db, ctx.user.id);
    if (row) ctx.session.user = toSessionUser(row);
    return { ok: true };
  },
};

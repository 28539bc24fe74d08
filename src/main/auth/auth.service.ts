/**
 * Setup, sign-in and recovery. A password is right when it unwraps that user's copy of the ledger key;
 * the database itself is opened only with a key unwrapped this way.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/api/contract';
import type { Backend } from '../app/backend';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { writeSetting } from '../settings/settings.repository';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../settings/settings.service';
import { assertPasswordAcceptable, setUserPassword, toSessionUser } from '../users/users.service';
import { findUserByUsername, type UserRow } from '../users/users.repository';
import { recoveryAad, unwrapUserKey, userAad } from './key-envelope';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { unwrapKey, wrapKey } from './wrapped-key';

export interface SetupInput {
  countyName: string;
  countyCode: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
}

const wrongCredentials = () => new AppError('WRONG_CREDENTIALS', '用户名或密码错误');
const disabled = () => new AppError('USER_DISABLED', '该账户已停用，请联系系统管理员');

/** Creates the ledger and its first administrator; returns the recovery code, shown once. */
export async function setupLedger(backend: Backend, input: SetupInput): Promise<{ recoveryCode: string; adminId: string }> {
  const { store } = backend;
  if (store.isInitialized()) throw new AppError('ALREADY_INITIALIZED', '台账已经创建，请直接登录');
  const username = input.adminUsername.toLowerCase();
  assertPasswordAcceptable(input.adminPassword, username, 'adminPassword');
  const key = await store.create();
  try {
    const ledgerId = newId();
    const recoveryCode = newRecoveryCode();
    const [adminWrapped, recoveryWrapped] = await Promise.all([
      wrapKey(key, input.adminPassword, userAad(ledgerId, username), backend.kdf),
      wrapKey(key, recoveryCode, recoveryAad(ledgerId), backend.kdf),
    ]);
    const at = backend.clock.now();
    const adminId = newId();
    const actor: Actor = { userId: null, username: 'setup' };
    await store.db.transaction().execute(async (trx) => {
      await writeSetting(trx, 'ledger_id', ledgerId);
      await writeSetting(trx, 'county_name', input.countyName);
      await writeSetting(trx, 'county_code', input.countyCode);
      await writeSetting(trx, 'idle_lock_minutes', String(DEFAULT_IDLE_LOCK_MINUTES));
      await trx
        .insertInto('users')
        .values({
          id: adminId,
          username,
          display_name: input.adminDisplayName,
          role: 'admin',
          township_id: null,
          active: 1,
          must_change_password: 0,
          last_login_at: null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .execute();
      await recordAudit(trx, actor, at, {
        action: 'ledger.create',
        entity: 'ledger',
        entityId: ledgerId,
        after: { countyName: input.countyName, countyCode: input.countyCode, admin: username },
      });
      store.writeEnvelope({
        format: 'doudi-key-envelope',
        version: 1,
        ledgerId,
        users: { [username]: { wrapped: adminWrapped } },
        recovery: recoveryWrapped,
      });
    });
    key.fill(0);
    await store.close();
    return { recoveryCode, adminId };
  } catch (err) {
    // A setup that did not finish leaves nothing behind, so it can simply be run again.
    await store.close();
    for (const file of [store.ledgerPath, `${store.ledgerPath}-wal`, `${store.ledgerPath}-shm`, store.envelopePath]) {
      fs.rmSync(file, { force: true });
    }
    throw err;
  }
}

/** Unwraps the user's key copy; null when the password is wrong or the user unknown. Throws for disabled users. */
async function unwrapForUser(backend: Backend, username: string, password: string): Promise<Buffer | null> {
  const result = await unwrapUserKey(backend.store.readEnvelope(), username, password);
  if (result.ok) return result.key;
  if (result.refused === 'disabled') throw disabled();
  return null;
}

async function activeUser(backend: Backend, username: string): Promise<UserRow> {
  const row = await findUserByUsername(backend.store.db, username);
  if (!row) throw wrongCredentials();
  if (row.active !== 1) throw disabled();
  return row;
}

export async function authenticate(backend: Backend, rawUsername: string, password: string): Promise<SessionUser> {
  const username = rawUsername.trim().toLowerCase();
  backend.throttle.check(username);
  let key: Buffer | null;
  try {
    key = await unwrapForUser(backend, username, password);
  } catch (err) {
    if (err instanceof AppError && err.code === 'USER_DISABLED') backend.throttle.fail(username);
    throw err;
  }
  if (!key) {
    backend.throttle.fail(username);
    throw wrongCredentials();
  }
  try {
    await backend.store.openWith(key);
  } finally {
    key.fill(0);
  }
  const row = await activeUser(backend, username);
  backend.throttle.succeed(username);
  const at = backend.clock.now();
  await backend.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ last_login_at: at.toISOString() }).where('id', '=', row.id).execute();
    await recordAudit(trx, { userId: row.id, username: row.username }, at, { action: 'auth.login', entity: 'user', entityId: row.id });
  });
  return toSessionUser(row);
}

/** Checks a signed-in user's password again (unlocking the screen, changing the password). */
export async function verifyPassword(backend: Backend, user: SessionUser, password: string): Promise<void> {
  backend.throttle.check(user.username);
  const key = await unwrapForUser(backend, user.username, password);
  if (!key) {
    backend.throttle.fail(user.username);
    throw new AppError('WRONG_CREDENTIALS', '密码错误', { fields: [{ path: ['password'], message: '密码错误' }] });
  }
  key.fill(0);
  backend.throttle.succeed(user.username);
  await activeUser(backend, user.username);
}

export async function changeOwnPassword(backend: Backend, user: SessionUser, currentPassword: string, newPassword: string) {
  try {
    await verifyPassword(backend, user, currentPassword);
  } catch (err) {
    if (err instanceof AppError && err.code === 'WRONG_CREDENTIALS') {
      throw new AppError('WRONG_CREDENTIALS', '当前密码错误', { fields: [{ path: ['currentPassword'], message: '当前密码错误' }] });
    }
    throw err;
  }
  if (currentPassword === newPassword) {
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', { fields: [{ path: ['newPassword'], message: '新密码不能与当前密码相同' }] });
  }
  await setUserPassword(backend, { userId: user.id, username: user.username }, { id: user.id, newPassword, byOwner: true });
}

/** The recovery code opens the ledger and sets a new password for an administrator (re-enabling them). */
export async function recoverAdministrator(backend: Backend, recoveryCode: string, rawUsername: string, newPassword: string) {
  const username = rawUsername.toLowerCase();
  backend.throttle.check('#recovery');
  const envelope = backend.store.readEnvelope();
  const key = await unwrapKey(envelope.recovery, normalizeRecoveryCode(recoveryCode), recoveryAad(envelope.ledgerId));
  if (!key) {
    backend.throttle.fail('#recovery');
    throw new AppError('WRONG_CREDENTIALS', '恢复码不正确', { fields: [{ path: ['recoveryCode'], message: '恢复码不正确' }] });
  }
  const wasOpen = backend.store.isOpen();
  try {
    await backend.store.openWith(key);
  } finally {
    key.fill(0);
  }
  backend.throttle.succeed('#recovery');
  try {
    const db = backend.store.db;
    const row = await findUserByUsername(db, username);
    if (!row || row.role !== 'admin') {
      throw new AppError('VALIDATION', '恢复码只能为系统管理员账户重设密码', { fields: [{ path: ['username'], message: '不是系统管理员账户' }] });
    }
    assertPasswordAcceptable(newPassword, username, 'newPassword');
    const wrapped = await wrapKey(backend.store.currentKey(), newPassword, userAad(envelope.ledgerId, username), backend.kdf);
    const at = backend.clock.now();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ active: 1, must_change_password: 0, updated_at: at.toISOString() }).where('id', '=', row.id).execute();
      await recordAudit(trx, { userId: null, username: 'recovery-code' }, at, { action: 'user.recover', entity: 'user', entityId: row.id });
      const fresh = backend.store.readEnvelope();
      fresh.users[username] = { wrapped };
      backend.store.writeEnvelope(fresh);
    });
  } finally {
    if (!wasOpen) await backend.store.close();
  }
}

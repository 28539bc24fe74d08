/**
 * Staff accounts. Every password change rewraps the ledger key for that user in the key envelope; the
 * envelope is written inside the database transaction, so a failed write rolls the account change back.
 */
import { AppError } from '../../shared/api/errors';
import type { SessionUser, User } from '../../shared/api/contract';
import { passwordProblem } from '../../shared/domain/password';
import { isTownshipBound, type Role } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';
import type { Backend } from '../app/backend';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { userAad } from '../auth/key-envelope';
import { wrapKey } from '../auth/wrapped-key';
import { findTownship } from '../regions/regions.repository';
import { countActiveAdmins, findUserById, findUserByUsername, listUserRows, type UserRow } from './users.repository';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    townshipId: row.township_id,
    townshipName: row.township_name ?? null,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function toSessionUser(row: UserRow): SessionUser {
  const u = toUser(row);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    townshipId: u.townshipId,
    townshipName: u.townshipName,
    mustChangePassword: u.mustChangePassword,
  };
}

/** Audit snapshot of an account: never any password material. */
const snapshot = (row: UserRow) => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  townshipId: row.township_id,
  active: row.active === 1,
});

export function assertPasswordAcceptable(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: [{ path: [field], message: problem }] });
}

async function assertRoleTownship(db: Executor, role: Role, townshipId: string | null): Promise<void> {
  if (isTownshipBound(role)) {
    if (!townshipId) {
      throw new AppError('VALIDATION', '乡镇经办员必须指定所属乡镇（街道）', {
        fields: [{ path: ['townshipId'], message: '请选择所属乡镇（街道）' }],
      });
    }
    if (!(await findTownship(db, townshipId))) {
      throw new AppError('VALIDATION', '所选乡镇（街道）不存在', { fields: [{ path: ['townshipId'], message: '所选乡镇（街道）不存在' }] });
    }
  } else if (townshipId) {
    throw new AppError('VALIDATION', '只有乡镇经办员绑定乡镇，县级角色不指定乡镇', {
      fields: [{ path: ['townshipId'], message: '县级角色不指定乡镇' }],
    });
  }
}

async function requireUser(db: Executor, id: string): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该用户');
  return row;
}

/** Puts (or with null, removes) a user's wrapped key in the envelope. */
async function prepareWrapped(backend: Backend, username: string, password: string | null) {
  const envelope = backend.store.readEnvelope();
  const wrapped = password
    ? await wrapKey(backend.store.currentKey(), password, userAad(envelope.ledgerId, username), backend.kdf)
    : null;
  return () => {
    const fresh = backend.store.readEnvelope();
    fresh.users[username.toLowerCase()] = { wrapped };
    backend.store.writeEnvelope(fresh);
  };
}

export async function listUsers(backend: Backend): Promise<User[]> {
  return (await listUserRows(backend.store.db)).map(toUser);
}

export async function createUser(
  backend: Backend,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; townshipId: string | null; password: string },
): Promise<User> {
  const username = input.username.toLowerCase();
  const db = backend.store.db;
  assertPasswordAcceptable(input.password, username);
  if (await findUserByUsername(db, username)) {
    throw new AppError('CONFLICT', `用户名 ${username} 已存在`, { fields: [{ path: ['username'], message: '用户名已存在' }] });
  }
  await assertRoleTownship(db, input.role, input.townshipId);
  const commitEnvelope = await prepareWrapped(backend, username, input.password);
  const at = backend.clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username,
        display_name: input.displayName,
        role: input.role,
        township_id: input.townshipId,
        active: 1,
        // An account made by the administrator starts with a password someone else knows.
        must_change_password: actor.userId === null ? 0 : 1,
        last_login_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute();
    const row = await requireUser(trx, id);
    await recordAudit(trx, actor, at, { action: 'user.create', entity: 'user', entityId: id, after: snapshot(row) });
    commitEnvelope();
  });
  return toUser(await requireUser(db, id));
}

async function assertNotLastAdmin(db: Executor, row: UserRow, stillAdmin: boolean): Promise<void> {
  if (row.role === 'admin' && row.active === 1 && !stillAdmin && (await countActiveAdmins(db)) <= 1) {
    throw new AppError('CONFLICT', '这是唯一的在用系统管理员，不能停用或改为其他角色');
  }
}

export async function updateUser(
  backend: Backend,
  actor: Actor,
  input: { id: string; displayName: string; role: Role; townshipId: string | null },
): Promise<User> {
  const db = backend.store.db;
  const at = backend.clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await requireUser(trx, input.id);
    await assertRoleTownship(trx, input.role, input.townshipId);
    await assertNotLastAdmin(trx, before, input.role === 'admin');
    await trx
      .updateTable('users')
      .set({ display_name: input.displayName, role: input.role, township_id: input.townshipId, updated_at: at.toISOString() })
      .where('id', '=', input.id)
      .execute();
    const after = await requireUser(trx, input.id);
    await recordAudit(trx, actor, at, { action: 'user.update', entity: 'user', entityId: input.id, before: snapshot(before), after: snapshot(after) });
  });
  return toUser(await requireUser(db, input.id));
}

/**
 * Disabling removes the user's wrapped key, so the old password opens nothing even with a copied
 * envelope; enabling therefore needs a new temporary password.
 */
export async function setUserActive(
  backend: Backend,
  actor: Actor,
  input: { id: string; active: boolean; newPassword?: string },
): Promise<User> {
  const db = backend.store.db;
  const before = await requireUser(db, input.id);
  if (input.active && !input.newPassword) {
    throw new AppError('VALIDATION', '重新启用账户需要设置一个新的临时密码', {
      fields: [{ path: ['newPassword'], message: '请设置临时密码' }],
    });
  }
  if (!input.active && before.id === actor.userId) throw new AppError('CONFLICT', '不能停用自己正在使用的账户');
  if (input.newPassword) assertPasswordAcceptable(input.newPassword, before.username, 'newPassword');
  const commitEnvelope = await prepareWrapped(backend, before.username, input.active ? input.newPassword! : null);
  const at = backend.clock.now();
  await db.transaction().execute(async (trx) => {
    const current = await requireUser(trx, input.id);
    if (!input.active) await assertNotLastAdmin(trx, current, false);
    await trx
      .updateTable('users')
      .set({ active: input.active ? 1 : 0, must_change_password: input.active ? 1 : current.must_change_password, updated_at: at.toISOString() })
      .where('id', '=', input.id)
      .execute();
    const after = await requireUser(trx, input.id);
    await recordAudit(trx, actor, at, {
      action: input.active ? 'user.enable' : 'user.disable',
      entity: 'user',
      entityId: input.id,
      before: snapshot(current),
      after: snapshot(after),
    });
    commitEnvelope();
  });
  return toUser(await requireUser(db, input.id));
}

/** Sets a password: by the administrator (the user must change it at next login) or by the user. */
export async function setUserPassword(
  backend: Backend,
  actor: Actor,
  input: { id: string; newPassword: string; byOwner: boolean },
): Promise<void> {
  const db = backend.store.db;
  const row = await requireUser(db, input.id);
  if (row.active !== 1) throw new AppError('USER_DISABLED', '该账户已停用，请先启用');
  assertPasswordAcceptable(input.newPassword, row.username, 'newPassword');
  const commitEnvelope = await prepareWrapped(backend, row.username, input.newPassword);
  const at = backend.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ must_change_password: input.byOwner ? 0 : 1, updated_at: at.toISOString() })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(trx, actor, at, {
      action: input.byOwner ? 'user.change_password' : 'user.reset_password',
      entity: 'user',
      entityId: input.id,
    });
    commitEnvelope();
  });
}


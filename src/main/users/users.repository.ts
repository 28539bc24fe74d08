import type { Executor } from '../db/schema';

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.township_id',
  'u.active',
  'u.must_change_password',
  'u.last_login_at',
  'u.created_at',
  'u.updated_at',
  't.name as township_name',
] as const;

function usersWithTownship(db: Executor) {
  return db.selectFrom('users as u').leftJoin('townships as t', 't.id', 'u.township_id').select(userColumns);
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export function listUserRows(db: Executor) {
  return usersWithTownship(db).orderBy('u.role').orderBy('u.username').execute();
}

export function findUserById(db: Executor, id: string) {
  return usersWithTownship(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string) {
  return usersWithTownship(db).where('u.username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveUsers(db: Executor, townshipId?: string): Promise<number> {
  let q = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1);
  if (townshipId) q = q.where('township_id', '=', townshipId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

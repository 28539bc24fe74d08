import type { Executor } from '../db/schema';
import type { Scope } from '../../shared/domain/roles';

export function listTownships(db: Executor, scope: Scope) {
  let q = db
    .selectFrom('townships as t')
    .select(['t.id', 't.code', 't.name', 't.active'])
    .select((eb) =>
      eb.selectFrom('villages as v').whereRef('v.township_id', '=', 't.id').select(eb.fn.countAll<number>().as('n')).as('village_count'),
    )
    .orderBy('t.code');
  if (scope.kind === 'township') q = q.where('t.id', '=', scope.townshipId);
  return q.execute();
}

export function findTownship(db: Executor, id: string) {
  return db.selectFrom('townships').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTownshipByCode(db: Executor, code: string) {
  return db.selectFrom('townships').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listVillages(db: Executor, townshipId: string) {
  return db.selectFrom('villages').selectAll().where('township_id', '=', townshipId).orderBy('code').execute();
}

export function findVillage(db: Executor, id: string) {
  return db.selectFrom('villages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVillageByCode(db: Executor, code: string) {
  return db.selectFrom('villages').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countRegions(db: Executor, scope: Scope): Promise<{ townships: number; villages: number }> {
  let t = db.selectFrom('townships').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1);
  let v = db.selectFrom('villages').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', 1);
  if (scope.kind === 'township') {
    t = t.where('id', '=', scope.townshipId);
    v = v.where('township_id', '=', scope.townshipId);
  }
  const [tr, vr] = await Promise.all([t.executeTakeFirstOrThrow(), v.executeTakeFirstOrThrow()]);
  return { townships: Number(tr.n), villages: Number(vr.n) };
}

/** The village 儿童主任 who answer for children's visits, kept per township (and village). */
import { AppError } from '../../shared/api/errors';
import type { Scope } from '../../shared/domain/roles';
import type { ChildDirector } from '../../shared/api/care.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { assertTownshipInScope } from '../app/scope';
import { newId } from '../app/ids';

export async function listDirectors(db: Executor, scope: Scope, townshipId?: string): Promise<ChildDirector[]> {
  let q = db
    .selectFrom('child_directors as d')
    .innerJoin('townships as t', 't.id', 'd.township_id')
    .leftJoin('villages as v', 'v.id', 'd.village_id')
    .select((eb) => [
      'd.id',
      'd.township_id',
      't.name as township_name',
      'd.village_id',
      'v.name as village_name',
      'd.name',
      'd.phone',
      'd.active',
      eb.selectFrom('children as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.director_id', '=', 'd.id').where('c.closed_on', 'is', null).as('child_count'),
    ]);
  if (scope.kind === 'township') q = q.where('d.township_id', '=', scope.townshipId);
  if (townshipId) q = q.where('d.township_id', '=', townshipId);
  const rows = await q.orderBy('t.code').orderBy('v.code').orderBy('d.name').execute();
  return rows.map((r) => ({
    id: r.id,
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageId: r.village_id,
    villageName: r.village_name,
    name: r.name,
    phone: r.phone,
    active: r.active === 1,
    childCount: Number(r.child_count ?? 0),
  }));
}

export async function saveDirector(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  scope: Scope,
  input: { id?: string; townshipId: string; villageId: string | null; name: string; phone: string | null; active: boolean },
): Promise<string> {
  assertTownshipInScope(scope, input.townshipId);
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('townships').select('id').where('id', '=', input.townshipId).executeTakeFirst())) {
      throw new AppError('VALIDATION', '所属乡镇（街道）不存在', { fields: [{ path: ['townshipId'], message: '所属乡镇（街道）不存在' }] });
    }
    if (input.villageId) {
      const village = await trx.selectFrom('villages').select('township_id').where('id', '=', input.villageId).executeTakeFirst();
      if (!village || village.township_id !== input.townshipId) throw new AppError('VALIDATION', '所选村（社区）不属于该乡镇（街道）', { fields: [{ path: ['villageId'], message: '所选村（社区）不属于该乡镇（街道）' }] });
    }
    const now = at.toISOString();
    const values = { township_id: input.townshipId, village_id: input.villageId, name: input.name, phone: input.phone, active: input.active ? 1 : 0, updated_at: now };
    if (input.id) {
      const before = await trx.selectFrom('child_directors').select('township_id').where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', '找不到该儿童主任');
      assertTownshipInScope(scope, before.township_id);
      if (before.township_id !== input.townshipId) {
        const open = await trx.selectFrom('children').select('person_id').where('director_id', '=', input.id).where('closed_on', 'is', null).executeTakeFirst();
        if (open) throw new AppError('CONFLICT', '该儿童主任仍负责本乡镇的儿童，请先为这些儿童改派儿童主任');
      }
      await trx.updateTable('child_directors').set(values).where('id', '=', input.id).execute();
      await recordAudit(trx, actor, at, { action: 'child_director.update', entity: 'child_director', entityId: input.id, after: { townshipId: input.townshipId, villageId: input.villageId, active: input.active } });
      return input.id;
    }
    const id = newId();
    await trx.insertInto('child_directors').values({ id, ...values, created_at: now }).execute();
    await recordAudit(trx, actor, at, { action: 'child_director.create', entity: 'child_director', entityId: id, after: { townshipId: input.townshipId, villageId: input.villageId } });
    return id;
  });
}

import { AppError, fieldError } from '../../shared/api/errors';
import type { Township, Village } from '../../shared/api/contract';
import { townshipBelongsToCounty, villageBelongsToTownship } from '../../shared/domain/region-codes';
import type { Scope } from '../../shared/domain/roles';
import type { LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { newId } from '../app/ids';
import { loadSettings } from '../settings/settings.service';
import {
  findTownship,
  findTownshipByCode,
  findVillage,
  findVillageByCode,
  listTownships,
  listVillages,
} from './regions.repository';

type TownshipRow = NonNullable<Awaited<ReturnType<typeof findTownship>>>;
type VillageRow = NonNullable<Awaited<ReturnType<typeof findVillage>>>;


export function toVillage(row: VillageRow): Village {
  return {
    id: row.id,
    townshipId: row.township_id,
    code: row.code,
    name: row.name,
    kind: row.kind as Village['kind'],
    active: row.active === 1,
  };
}

export async function townshipsInScope(db: LedgerDb, scope: Scope): Promise<Township[]> {
  const rows = await listTownships(db, scope);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, active: r.active === 1, villageCount: Number(r.village_count ?? 0) }));
}

export async function villagesOf(db: LedgerDb, townshipId: string): Promise<Village[]> {
  if (!(await findTownship(db, townshipId))) throw new AppError('NOT_FOUND', '找不到该乡镇（街道）');
  return (await listVillages(db, townshipId)).map(toVillage);
}

export async function saveTownship(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: { id?: string; code: string; name: string; active: boolean },
): Promise<Township> {
  const id = await db.transaction().execute(async (trx) => {
    const { county } = await loadSettings(trx);
    if (!townshipBelongsToCounty(input.code, county.code)) {
      throw fieldError('code', `乡镇（街道）代码应以本县代码 ${county.code} 开头，共 9 位`);
    }
    const sameCode = await findTownshipByCode(trx, input.code);
    if (sameCode && sameCode.id !== input.id) throw fieldError('code', `代码 ${input.code} 已被“${sameCode.name}”使用`);
    const now = at.toISOString();
    if (input.id) {
      const before = await findTownship(trx, input.id);
      if (!before) throw new AppError('NOT_FOUND', '找不到该乡镇（街道）');
      const after = { ...before, code: input.code, name: input.name, active: input.active ? 1 : 0, updated_at: now };
      await trx.updateTable('townships').set(after).where('id', '=', input.id).execute();
      await recordAudit(trx, actor, at, { action: 'township.update', entity: 'township', entityId: input.id, before, after });
      return input.id;
    }
    const row: TownshipRow = { id: newId(), code: input.code, name: input.name, active: input.active ? 1 : 0, created_at: now, updated_at: now };
    await trx.insertInto('townships').values(row).execute();
    await recordAudit(trx, actor, at, { action: 'township.create', entity: 'township', entityId: row.id, after: row });
    return row.id;
  });
  const saved = (await townshipsInScope(db, { kind: 'township', townshipId: id }))[0];
  if (!saved) throw new AppError('INTERNAL', '保存后未找到乡镇（街道）');
  return saved;
}

export async function saveVillage(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: { id?: string; townshipId: string; code: string; name: string; kind: Village['kind']; active: boolean },
): Promise<Village> {
  return db.transaction().execute(async (trx) => {
    const township = await findTownship(trx, input.townshipId);
    if (!township) throw fieldError('townshipId', '所属乡镇（街道）不存在');
    if (!villageBelongsToTownship(input.code, township.code)) {
      throw fieldError('code', `村（社区）代码应以所属乡镇代码 ${township.code} 开头，共 12 位`);
    }
    const sameCode = await findVillageByCode(trx, input.code);
    if (sameCode && sameCode.id !== input.id) throw fieldError('code', `代码 ${input.code} 已被“${sameCode.name}”使用`);
    const now = at.toISOString();
    if (input.id) {
      const before = await findVillage(trx, input.id);
      if (!before) throw new AppError('NOT_FOUND', '找不到该村（社区）');
      const after: VillageRow = {
        ...before,
        township_id: input.townshipId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        active: input.active ? 1 : 0,
        updated_at: now,
      };
      await trx.updateTable('villages').set(after).where('id', '=', input.id).execute();
      await recordAudit(trx, actor, at, { action: 'village.update', entity: 'village', entityId: input.id, before, after });
      return toVillage(after);
    }
    const row: VillageRow = {
      id: newId(),
      township_id: input.townshipId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      active: input.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('villages').values(row).execute();
    await recordAudit(trx, actor, at, { action: 'village.create', entity: 'village', entityId: row.id, after: row });
    return toVillage(row);
  });
}

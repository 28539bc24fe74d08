/**
 * Adds the townships and villages a roster names but the ledger lacks, each with the next free code under
 * its parent (the administrator can correct codes later on 区划管理).
 */
import type { Actor } from '../audit/audit.service';
import type { LedgerDb } from '../db/schema';
import { saveTownship, saveVillage } from '../regions/regions.service';
import { loadSettings } from '../settings/settings.service';

async function nextCode(db: LedgerDb, table: 'townships' | 'villages', prefix: string): Promise<string> {
  const rows = await db.selectFrom(table).select('code').where('code', 'like', `${prefix}%`).execute();
  const used = new Set(rows.map((r) => Number(r.code.slice(prefix.length))));
  for (let n = 1; n < 1000; n++) if (!used.has(n)) return `${prefix}${String(n).padStart(3, '0')}`;
  throw new Error('no free region code');
}

export async function addRegions(db: LedgerDb, actor: Actor, at: Date, unknown: { townshipName: string; villageName: string | null }[]): Promise<{ townships: number; villages: number }> {
  const { county } = await loadSettings(db);
  let townships = 0;
  let villages = 0;
  for (const r of unknown) {
    let township = await db.selectFrom('townships').select(['id', 'code']).where('name', '=', r.townshipName).executeTakeFirst();
    if (!township) {
      const saved = await saveTownship(db, actor, at, { code: await nextCode(db, 'townships', county.code), name: r.townshipName, active: true });
      township = { id: saved.id, code: saved.code };
      townships += 1;
    }
    if (r.villageName) {
      const exists = await db.selectFrom('villages').select('id').where('township_id', '=', township.id).where('name', '=', r.villageName).executeTakeFirst();
      if (exists) continue;
      await saveVillage(db, actor, at, { townshipId: township.id, code: await nextCode(db, 'villages', township.code), name: r.villageName, kind: /社区|居委会/.test(r.villageName) ? 'community' : 'village', active: true });
      villages += 1;
    }
  }
  return { townships, villages };
}

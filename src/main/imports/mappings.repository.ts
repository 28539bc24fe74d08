/** Column mappings a clerk confirmed, remembered per township and template (the normalised header). */
import type { Executor } from '../db/schema';
import type { Mapping } from './layout/layout';

/** This township's mappings first, then (unless `ownOnly`) any township's for the same template, the latest first. */
export async function rememberedMappings(db: Executor, townshipId: string | null, ownOnly = false): Promise<Map<string, Mapping>> {
  const rows = await db.selectFrom('import_mappings').select(['township_key', 'template_key', 'mapping', 'updated_at']).orderBy('updated_at').execute();
  const out = new Map<string, Mapping>();
  const own = townshipId ?? '';
  if (!ownOnly) for (const r of rows) if (r.township_key !== own) out.set(r.template_key, JSON.parse(r.mapping) as Mapping);
  for (const r of rows) if (r.township_key === own) out.set(r.template_key, JSON.parse(r.mapping) as Mapping);
  return out;
}

export async function rememberMapping(db: Executor, townshipId: string | null, templateKey: string, mapping: Mapping, at: string): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({ township_key: townshipId ?? '', template_key: templateKey, mapping: JSON.stringify(mapping), updated_at: at })
    .onConflict((oc) => oc.columns(['township_key', 'template_key']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: at }))
    .execute();
}

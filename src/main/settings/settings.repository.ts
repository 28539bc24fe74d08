import type { Executor } from '../db/schema';

export type SettingKey = 'ledger_id' | 'county_name' | 'county_code' | 'idle_lock_minutes' | 'workflow_policy' | 'visit_policy' | 'elder_policy' | 'backup_policy' | 'backup_last' | 'backup_last_good';

export async function readSettings(db: Executor): Promise<Partial<Record<SettingKey, string>>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Executor, key: SettingKey, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

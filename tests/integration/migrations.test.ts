/**
 * Migrations that move data: a ledger at the schema before each is filled as that version wrote it, then
 * brought to the latest schema, and what it held must mean the same afterwards.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { migrateToLatest } from '../../src/main/db/migrate';
import type { LedgerSchema } from '../../src/main/db/schema';
import { householdTimeline } from '../../src/main/households/timeline';
import { PeopleGenerator } from '../fixtures/people';

let raw: Database.Database | undefined;
afterEach(() => {
  raw?.close();
  raw = undefined;
});

async function ledgerAt(version: string) {
  raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: raw }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(version);
  if (error) throw error;
  return { db, raw };
}

describe('0015: what an import batch created is named on its rows', () => {
  it('moves each batch’s items onto its rows, drops the list, and tells an old batch once in the timeline', async () => {
    const { db, raw } = await ledgerAt('0014_report_lookups');
    const at = '2026-10-01T08:00:00.000Z';
    const people = new PeopleGenerator(15, '431122');
    const [head, spouse, later] = [people.person(), people.person(), people.person()];
    raw.exec(`
      insert into users (id, username, display_name, role, created_at, updated_at) values ('U1', 'admin', '管理员', 'admin', '${at}', '${at}');
      insert into townships (id, code, name, created_at, updated_at) values ('T1', '431122100', '城关镇', '${at}', '${at}');
      insert into import_batches (id, purpose, program, file_name, file_sha256, sheet_name, households, persons, enrollments, cases, skipped_rows, status, created_by, created_at)
        values ('B1', 'initial_load', 'dibao', '城关镇低保.xlsx', 'x', 'S', 1, 2, 1, 0, 0, 'committed', 'U1', '${at}');
      insert into households (id, township_id, address, hukou_type, created_at, updated_at) values ('H1', 'T1', '城关村', 'rural', '${at}', '${at}');
      insert into persons (id, household_id, relation, id_number, name, sex, birth_date, created_at, updated_at) values
        ('P1', 'H1', 'self', '${head.idNumber}', '${head.name}', '${head.sex}', '${head.birthDate}', '${at}', '${at}'),
        ('P2', 'H1', 'spouse', '${spouse.idNumber}', '${spouse.name}', '${spouse.sex}', '${spouse.birthDate}', '${at}', '${at}'),
        ('P3', 'H1', 'son', '${later.idNumber}', '${later.name}', '${later.sex}', '${later.birthDate}', '${at}', '${at}');
      insert into enrollments (id, program, household_id, township_id, status, start_month, monthly_amount_fen, source, created_at, updated_at)
        values ('E1', 'dibao', 'H1', 'T1', 'active', '2026-10', 60000, 'import', '${at}', '${at}');
      insert into import_batch_items (batch_id, entity, entity_id) values ('B1', 'household', 'H1'), ('B1', 'person', 'P1'), ('B1', 'person', 'P2'), ('B1', 'enrollment', 'E1');
      insert into audit_log (seq, at, username, action, entity, entity_id, after_json, reason, household_id, prev_hash, hash) values
        (1, '${at}', 'admin', 'household.import', 'household', 'H1', '{"batchId":"B1","registered":true,"personIds":["P1","P2"],"program":"dibao","monthlyFen":60000,"startMonth":"2026-10"}', '建账导入：城关镇低保.xlsx', 'H1', 'a', 'b'),
        (2, '${at}', 'admin', 'import.commit', 'import_batch', 'B1', '{}', null, null, 'b', 'c');
    `);

    await migrateToLatest(db);

    const named = await sql<{ id: string; import_batch_id: string | null }>`
      select id, import_batch_id from households union all select id, import_batch_id from persons union all select id, import_batch_id from enrollments order by id`.execute(db);
    expect(named.rows).toEqual([
      { id: 'E1', import_batch_id: 'B1' },
      { id: 'H1', import_batch_id: 'B1' },
      { id: 'P1', import_batch_id: 'B1' },
      { id: 'P2', import_batch_id: 'B1' },
      { id: 'P3', import_batch_id: null },
    ]);
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'import_batch_items'").get()).toEqual({ n: 0 });
    // The batch logged the household itself before: told once, as it was logged.
    const timeline = await householdTimeline(db, 'H1', false);
    expect(timeline.map((e) => [e.seq, e.summary])).toEqual([[1, '建账导入：登记家庭（2 人），最低生活保障在保，每月 600.00 元，2026-10 起']]);
  });
});

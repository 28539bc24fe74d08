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

describe('an upgrade is whole', () => {
  it('rolls every migration of one upgrade back when a later one fails, bookkeeping included', async () => {
    const { db, raw } = await ledgerAt('0014_report_lookups');
    const schemaOf = () => raw.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name").all();
    // 0015 would succeed; 0016 then fails at its last step.
    raw.exec('drop index households_township_village');
    const atStart = schemaOf();

    await expect(migrateToLatest(db)).rejects.toThrow(/0016_lean_indexes/);
    expect(schemaOf()).toEqual(atStart);
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'import_batch_items'").get()).toEqual({ n: 1 });
    expect(raw.prepare('select max(name) as last from kysely_migration').get()).toEqual({ last: '0014_report_lookups' });
  });
});

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

describe('0016: two B-trees fewer for what a batch adds', () => {
  async function ledgerWithMembers() {
    const { db, raw } = await ledgerAt('0015_import_batch_rows');
    const at = '2026-10-01T08:00:00.000Z';
    const people = new PeopleGenerator(16, '431122');
    const [a, b, c] = [people.person(), people.person(), people.person()];
    raw.exec(`
      insert into townships (id, code, name, created_at, updated_at) values ('T1', '431122100', '城关镇', '${at}', '${at}');
      insert into households (id, township_id, address, hukou_type, created_at, updated_at) values ('H1', 'T1', '城关村', 'rural', '${at}', '${at}');
      insert into persons (id, household_id, relation, id_number, name, sex, birth_date, created_at, updated_at) values
        ('P1', 'H1', 'self', '${a.idNumber}', '${a.name}', '${a.sex}', '${a.birthDate}', '${at}', '${at}'),
        ('P2', 'H1', 'spouse', '${b.idNumber}', '${b.name}', '${b.sex}', '${b.birthDate}', '${at}', '${at}'),
        ('P3', 'H1', 'son', '${c.idNumber}', '${c.name}', '${c.sex}', '${c.birthDate}', '${at}', '${at}');
      insert into enrollments (id, program, household_id, township_id, status, start_month, monthly_amount_fen, source, created_at, updated_at) values
        ('E1', 'dibao', 'H1', 'T1', 'active', '2026-10', 60000, 'import', '${at}', '${at}'),
        ('E2', 'linshi', 'H1', 'T1', 'active', '2026-10', 0, 'import', '${at}', '${at}');
      insert into enrollment_members (enrollment_id, person_id) values ('E1', 'P2'), ('E1', 'P1'), ('E2', 'P3');
    `);
    return { db, raw };
  }
  const members = (r: Database.Database) => r.prepare('select enrollment_id, person_id from enrollment_members order by 1, 2').all();
  const objects = (r: Database.Database) =>
    r.prepare("select name, sql from sqlite_master where name in ('enrollment_members', 'enrollment_members_person', 'households_township', 'households_village', 'households_township_village') order by name").all() as { name: string; sql: string }[];

  it('keeps every member, stores them by their key, and the ledger’s constraints still hold', async () => {
    const { db, raw } = await ledgerWithMembers();
    await migrateToLatest(db);

    expect(members(raw)).toEqual([
      { enrollment_id: 'E1', person_id: 'P1' },
      { enrollment_id: 'E1', person_id: 'P2' },
      { enrollment_id: 'E2', person_id: 'P3' },
    ]);
    const found = objects(raw);
    expect(found.map((o) => o.name)).toEqual(['enrollment_members', 'enrollment_members_person', 'households_township', 'households_village']);
    expect(found[0]!.sql).toMatch(/without rowid$/i);
    expect(() => raw.prepare('select rowid from enrollment_members').all()).toThrow(/rowid/);
    expect(() => raw.exec("insert into enrollment_members (enrollment_id, person_id) values ('E1', 'P1')")).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => raw.exec("insert into enrollment_members (enrollment_id, person_id) values ('E1', 'P9')")).toThrow(/FOREIGN KEY/);
    expect(raw.prepare("explain query plan select enrollment_id from enrollment_members where person_id = 'P3'").all()).toEqual([
      expect.objectContaining({ detail: expect.stringContaining('enrollment_members_person') }),
    ]);
  });

  it('fails whole: a step that fails leaves the ledger as it was at 0015, and the next try migrates it', async () => {
    const { db, raw } = await ledgerWithMembers();
    // Its last step (dropping this index) now fails, after the members were moved.
    raw.exec('drop index households_township_village');
    const before = objects(raw);

    await expect(migrateToLatest(db)).rejects.toThrow(/0016_lean_indexes/);
    expect(objects(raw)).toEqual(before);
    expect(members(raw)).toHaveLength(3);
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'enrollment_members_by_key'").get()).toEqual({ n: 0 });
    expect(raw.prepare('select count(*) as n from enrollment_members where rowid > 0').get()).toEqual({ n: 3 });
    expect(raw.prepare('select max(name) as last from kysely_migration').get()).toEqual({ last: '0015_import_batch_rows' });
    expect(raw.inTransaction).toBe(false);

    // Put right (the index back), the same ledger migrates.
    raw.exec('create index households_township_village on households (township_id, village_id)');
    await migrateToLatest(db);
    expect(members(raw)).toHaveLength(3);
    expect(objects(raw)[0]!.sql).toMatch(/without rowid$/i);
  });
});

/**
 * Forms computed as of their period from a ledger whose history is known, with every expected value
 * worked out by hand below: a new start, a stop, an increase between months (a new standard), a taper,
 * an elder crossing into the 90 band, a quarter, and a township renamed after the period was submitted.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program } from '../../src/shared/domain/programs';
import type { ReportResult } from '../../src/shared/api/reports.schemas';
import { registerHouseholds } from '../../src/main/households/households.service';
import { insertEnrollments, recordAmountFrom } from '../../src/main/enrollments/enrollment-history';
import { aggregateSql } from '../../src/main/reports/enrollment-states';
import { PeopleGenerator } from '../fixtures/people';
import { ADMIN_PASSWORD, createCounty } from '../fixtures/ledger';
import { staff, type County } from '../fixtures/cases';

let t: County;
beforeEach(async () => {
  t = await createCounty();
});
afterEach(async () => {
  await t.dispose();
});

const people = () => new PeopleGenerator(61, '431122');

/** A household with `size` members and one enrollment; returns its ids. */
async function enrolled(
  gen: PeopleGenerator,
  where: { townshipId: string; villageId: string; hukou: 'urban' | 'rural' },
  e: { program: Program; category: string | null; size: number; start: string; fen: number; end?: string; status?: string; headBorn?: string; bankAccount?: string },
) {
  const head = e.headBorn ? gen.personBornOn(e.headBorn) : gen.person({ bornFrom: 1960, bornTo: 1980 });
  const others = Array.from({ length: e.size - 1 }, () => gen.person({ bornFrom: 1990, bornTo: 2015 }));
  const db = t.backend.store.db;
  const { householdIds } = await registerHouseholds(db, { userId: null, username: 'test' }, t.clock.now(), [
    {
      townshipId: where.townshipId,
      villageId: where.villageId,
      address: '一组',
      hukouType: where.hukou,
      phone: null,
      bankAccount: e.bankAccount ?? null,
      members: [{ name: head.name, idNumber: head.idNumber, relation: 'self' }, ...others.map((p) => ({ name: p.name, idNumber: p.idNumber, relation: 'son' as const }))],
    },
  ]);
  const householdId = householdIds[0]!;
  const persons = await db.selectFrom('persons').select(['id', 'relation']).where('household_id', '=', householdId).execute();
  const headId = persons.find((p) => p.relation === 'self')!.id;
  const id = `enr-${e.program}-${e.start}-${e.fen}`;
  const household = e.program === 'dibao';
  const now = t.clock.now().toISOString();
  await insertEnrollments(
    db,
    [
      {
        id,
        program: e.program,
        household_id: householdId,
        township_id: where.townshipId,
        person_id: household ? null : headId,
        category: e.category,
        status: e.status ?? (e.end ? 'stopped' : 'active'),
        start_month: e.start,
        end_month: e.end ?? null,
        monthly_amount_fen: e.fen,
        standard_id: null,
        source: 'initial_load',
        confirmed_by: null,
        confirmed_at: now,
        next_review_on: null,
        unstable_income: 0,
        case_id: null,
        import_batch_id: null,
        created_at: now,
        updated_at: now,
      },
    ],
    (household ? persons : persons.filter((p) => p.id === headId)).map((p) => ({ enrollment_id: id, person_id: p.id })),
  );
  return { id, householdId };
}

async function knownHistory() {
  const gen = people();
  const east = { townshipId: t.east.id, villageId: t.eastVillage.id };
  const west = { townshipId: t.west.id, villageId: t.westVillage.id };
  const db = t.backend.store.db;
  // A: 东山 rural 低保, 3 persons, 900 元 from June; the new standard raises it to 1,050 元 from October.
  const a = await enrolled(gen, { ...east, hukou: 'rural' }, { program: 'dibao', category: 'rural', size: 3, start: '2026-06', fen: 90_000, bankAccount: '6217001234567890123' });
  await recordAmountFrom(db, a.id, '2026-10', { amountFen: 105_000 });
  // B: 东山 rural 低保, 2 persons, 600 元, new in October.
  await enrolled(gen, { ...east, hukou: 'rural' }, { program: 'dibao', category: 'rural', size: 2, start: '2026-10', fen: 60_000 });
  // C: 西河 urban 低保, 1 person, 500 元 from March, paid through September (stopped from October).
  await enrolled(gen, { ...west, hukou: 'urban' }, { program: 'dibao', category: 'urban', size: 1, start: '2026-03', fen: 50_000, end: '2026-09' });
  // D: 西河 rural 低保, 4 persons, 1,200 元 from January, tapering from October to December.
  const d = await enrolled(gen, { ...west, hukou: 'rural' }, { program: 'dibao', category: 'rural', size: 4, start: '2026-01', fen: 120_000, end: '2026-12', status: 'tapering' });
  await recordAmountFrom(db, d.id, '2026-10', { phase: 'taper' });
  // E: 东山 高龄津贴 100 元, born 1936-10-25: 89 at the end of September, 90 at the end of October.
  await enrolled(gen, { ...east, hukou: 'rural' }, { program: 'gaoling', category: '80', size: 1, start: '2025-01', fen: 10_000, headBorn: '1936-10-25' });
  // F: 西河 分散供养特困 (rural), 800 元 from May.
  await enrolled(gen, { ...west, hukou: 'rural' }, { program: 'tekun', category: 'home', size: 1, start: '2026-05', fen: 80_000 });
  return { a, d };
}

const cell = (r: ReportResult, rowLabel: string, key: string) => {
  const row = rowLabel === '合计' ? r.total : r.rows.find((x) => x.label === rowLabel)!;
  return row.values[r.columns.findIndex((c) => c.key === key)];
};

describe('statistical forms', () => {
  it('computes the October form as of October, with 上期 and 环比, and drills down to exactly the counted people', async () => {
    await knownHistory();
    const manager = await staff(t, 'leader', 'manager');
    const oct = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(oct.rows.map((r) => r.label)).toEqual(['东山镇', '西河乡']);
    expect([cell(oct, '东山镇', 'dibao_rural_households'), cell(oct, '东山镇', 'dibao_rural_persons'), cell(oct, '东山镇', 'dibao_rural_new'), cell(oct, '东山镇', 'dibao_rural_spending')]).toEqual([2, 5, 1, 165_000]);
    expect([cell(oct, '西河乡', 'dibao_urban_households'), cell(oct, '西河乡', 'dibao_urban_exited'), cell(oct, '西河乡', 'dibao_urban_spending')]).toEqual([0, 1, 0]);
    expect([cell(oct, '西河乡', 'dibao_rural_persons'), cell(oct, '西河乡', 'dibao_rural_spending'), cell(oct, '西河乡', 'tekun_home_rural'), cell(oct, '西河乡', 'tekun_spending')]).toEqual([4, 120_000, 1, 80_000]);
    expect([cell(oct, '东山镇', 'gaoling_80'), cell(oct, '东山镇', 'gaoling_90'), cell(oct, '东山镇', 'gaoling_amount')]).toEqual([0, 1, 10_000]);
    expect([cell(oct, '合计', 'spending_total'), cell(oct, '合计', 'spending_previous'), cell(oct, '合计', 'spending_mom')]).toEqual([375_000, 350_000, 7.1]);
    // Every additive column of 合计 is the sum of its rows.
    oct.columns.forEach((c, i) => c.additive && expect(oct.total.values[i]).toBe(oct.rows.reduce((n, r) => n + Number(r.values[i]), 0)));

    const sep = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-09' });
    expect([cell(sep, '东山镇', 'gaoling_80'), cell(sep, '东山镇', 'gaoling_90'), cell(sep, '东山镇', 'dibao_rural_spending'), cell(sep, '西河乡', 'dibao_urban_households')]).toEqual([1, 0, 90_000, 1]);

    const q3 = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-Q3' });
    expect(q3.periodLabel).toBe('2026年第三季度');
    expect([cell(q3, '合计', 'dibao_rural_households'), cell(q3, '合计', 'spending_total'), cell(q3, '合计', 'dibao_rural_new')]).toEqual([2, 1_050_000, 0]);

    const persons = await t.call(manager, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey: '__total', columnKey: 'dibao_rural_persons' });
    expect(persons.total).toBe(9);
    expect(persons.rows).toHaveLength(9);
    expect(persons.rows.every((r) => /^\d{6}\*{8}\d{3}[\dX]$/.test(r.idNumber ?? ''))).toBe(true);
    const exited = await t.call(manager, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey: t.west.id, columnKey: 'dibao_urban_exited' });
    expect(exited.rows.map((r) => [r.township, r.value])).toEqual([['西河乡', 1]]);
    const previous = await t.call(manager, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey: '__total', columnKey: 'spending_previous' });
    expect(previous.total).toBe(350_000);
    expect(previous.rows.reduce((n, r) => n + r.value, 0)).toBe(350_000);
  });

  it('lists the month’s changes and pays exactly what the enrollments say, taper and new start included', async () => {
    await knownHistory();
    const manager = await staff(t, 'leader', 'manager');
    const change = await t.call(manager, 'reports.compute', { form: 'change-monthly', period: '2026-10' });
    const at = (row: string, key: string) => cell(change, row, key);
    expect([at('东山镇', 'new_households'), at('东山镇', 'new_persons'), at('东山镇', 'new_amount')]).toEqual([1, 2, 60_000]);
    expect([at('西河乡', 'stopped_households'), at('西河乡', 'stopped_persons'), at('西河乡', 'stopped_amount')]).toEqual([1, 1, 50_000]);
    expect([at('东山镇', 'increased_households'), at('东山镇', 'increased_persons'), at('东山镇', 'increased_amount'), at('合计', 'decreased_households')]).toEqual([1, 3, 15_000, 0]);

    const roster = await t.call(manager, 'reports.compute', { form: 'payment-roster', period: '2026-10', program: 'dibao' });
    expect(roster.rows).toHaveLength(3);
    expect(cell(roster, '合计', 'persons')).toBe(9);
    expect(cell(roster, '合计', 'amount')).toBe(285_000);
    const notes = roster.rows.map((r) => r.values[roster.columns.findIndex((c) => c.key === 'note')]);
    expect(notes.sort()).toEqual(['', '本月新增', '渐退期']);
    expect(cell(roster, '合计', 'township')).toBe('共 3 户');
    // Bank accounts are masked like ID numbers for the roles that see masked IDs.
    const accounts = (r: ReportResult) => r.rows.map((row) => row.values[r.columns.findIndex((c) => c.key === 'account')]).filter(Boolean);
    expect(accounts(roster)).toEqual(['621700*********0123']);
    const clerk = await staff(t, 'countyclerk', 'county_clerk');
    expect(accounts(await t.call(clerk, 'reports.compute', { form: 'payment-roster', period: '2026-10', program: 'dibao' }))).toEqual(['6217001234567890123']);
    // A township clerk's roster holds their township's households only, live and once submitted.
    const dongshan = await t.login('dongshan', 'Temp2026pass');
    await t.call(dongshan, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    const own = async () => {
      const r = await t.call(dongshan, 'reports.compute', { form: 'payment-roster', period: '2026-10', program: 'dibao' });
      return [r.rows.map((row) => row.values[0]), cell(r, '合计', 'township'), cell(r, '合计', 'persons'), cell(r, '合计', 'amount'), r.snapshot !== null];
    };
    expect(await own()).toEqual([['东山镇', '东山镇'], '共 2 户', 5, 165_000, false]);
    await t.call(manager, 'reports.submit', { form: 'payment-roster', period: '2026-10', program: 'dibao' });
    expect(await own()).toEqual([['东山镇', '东山镇'], '共 2 户', 5, 165_000, true]);
    // The roster's total equals the form's 低保 spending for the month.
    const form = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(Number(cell(form, '合计', 'dibao_rural_spending')) + Number(cell(form, '合计', 'dibao_urban_spending'))).toBe(285_000);
  });

  it('freezes a submitted period: later corrections and a renamed township show as differences', async () => {
    const { a } = await knownHistory();
    const manager = await staff(t, 'leader', 'manager');
    const clerk = await staff(t, 'countyclerk', 'county_clerk');
    expect((await t.call(clerk, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' })).canSubmit).toBe(false);
    expect((await t.failure(clerk, 'reports.submit', { form: 'assistance-monthly', period: '2026-10' })).code).toBe('FORBIDDEN');
    expect((await t.failure(manager, 'reports.submit', { form: 'assistance-monthly', period: '2026-11' })).code).toBe('VALIDATION');
    const submitted = await t.call(manager, 'reports.submit', { form: 'assistance-monthly', period: '2026-10' });
    expect(submitted.snapshot?.submittedBy).toBe('leader姓名');
    expect(submitted.differences).toEqual([]);
    expect((await t.failure(manager, 'reports.submit', { form: 'assistance-monthly', period: '2026-10' })).code).toBe('CONFLICT');

    // A correction of October's amount and a renamed township, after submission.
    await recordAmountFrom(t.backend.store.db, a.id, '2026-10', { amountFen: 110_000 });
    await t.call(t.admin, 'regions.saveTownship', { id: t.east.id, code: '431122100', name: '东山街道' });
    const again = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(cell(again, '东山镇', 'dibao_rural_spending')).toBe(165_000);
    expect(again.differences.filter((d) => d.rowLabel === '东山镇').map((d) => [d.columnKey, d.submitted, d.current])).toEqual([
      ['dibao_rural_spending', 165_000, 170_000],
      ['spending_total', 175_000, 180_000],
    ]);
    // A township clerk sees their own row of the frozen form, and may not drill into another township.
    const dongshan = await t.login('dongshan', 'Temp2026pass');
    await t.call(dongshan, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    const own = await t.call(dongshan, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(own.rows.map((r) => r.key)).toEqual([t.east.id]);
    expect((await t.failure(dongshan, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey: t.west.id, columnKey: 'dibao_rural_persons' })).code).toBe('FORBIDDEN');
  });

  it('prints a form for scripts as one JSON object whose 合计 is the sum of the rows', async () => {
    await knownHistory();
    // One program at a time has the ledger open: the script runs while the app is closed.
    await t.backend.store.close();
    const root = path.resolve(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main', 'cli.ts'), 'report', 'change-monthly', '--period', '2026-10', '--data', t.dataDir, '--json'], {
      cwd: root,
      env: { ...process.env, DOUDI_PASSWORD: ADMIN_PASSWORD },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { form: string; period: string; columns: { key: string; additive: boolean }[]; rows: { label: string; values: number[] }[]; total: { label: string; values: number[] } };
    expect([json.form, json.period, json.total.label, json.rows.map((r) => r.label)]).toEqual(['change-monthly', '2026-10', '合计', ['东山镇', '西河乡']]);
    json.columns.forEach((c, i) => c.additive && expect(json.total.values[i]).toBe(json.rows.reduce((n, r) => n + r.values[i]!, 0)));
    expect(json.total.values[json.columns.findIndex((c) => c.key === 'stopped_amount')]).toBe(50_000);
  });

  it('reads a household’s hukou and a person’s birth date from the small covering indexes, never from whole rows', () => {
    // Whole rows would spread a county form over every page of both tables, beyond the page cache.
    const raw = t.backend.store.rawDatabase();
    const { sql: text, parameters } = aggregateSql([{ month: '2026-09', flows: false }, { month: '2026-10', flows: true }]).compile(t.backend.store.db);
    const plan = (raw.prepare(`explain query plan ${text}`).all(...(parameters as unknown[])) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SEARCH h USING COVERING INDEX households_id_hukou (id=?)');
    expect(plan).toContain('SEARCH p USING COVERING INDEX persons_id_birth (id=?)');
    expect(plan.filter((d) => /\b(households|persons) (h|p)\b|\b(h|p) USING (INDEX|PRIMARY)/.test(d))).toEqual([]);
  });
});

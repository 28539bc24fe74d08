import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../src/main/calendar/calendar.service';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

describe('the holiday calendar in the ledger', () => {
  it('ships the official 2026 arrangement and lets the administrator enter 2027 offline', async () => {
    const t = await createCounty();
    ledger = t;
    const y2026 = await t.call(t.admin, 'calendar.year', { year: 2026 });
    expect(y2026.covered).toBe(true);
    expect(y2026.days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节', source: 'official' });
    // 261 weekdays, less 19 holidays on weekdays, plus 6 weekend make-up days.
    expect(y2026.workingDays).toBe(248);
    expect((await t.call(t.admin, 'calendar.year', { year: 2027 })).covered).toBe(false);

    // Enter a (made-up) 2027 Spring Festival: Friday 5 and Monday 8 February off, Sunday 31 January worked.
    await t.call(t.admin, 'calendar.saveDay', { date: '2027-02-05', kind: 'holiday', name: '春节' });
    await t.call(t.admin, 'calendar.saveDay', { date: '2027-02-08', kind: 'holiday', name: '春节' });
    await t.call(t.admin, 'calendar.saveDay', { date: '2027-01-31', kind: 'workday', name: '春节' });
    const y2027 = await t.call(t.admin, 'calendar.year', { year: 2027 });
    expect(y2027.covered).toBe(true);
    expect(y2027.days.map((d) => `${d.date} ${d.kind} ${d.source}`)).toEqual(['2027-01-31 workday local', '2027-02-05 holiday local', '2027-02-08 holiday local']);
    const calendar = await loadWorkCalendar(t.backend.store.db);
    // From Friday 29 January 2027: Sun 31 (调休), Mon 1, Tue 2, Wed 3, Thu 4, [Fri 5 off], [Mon 8 off], Tue 9.
    expect(calendar.addWorkingDays('2027-01-29', 6)).toBe('2027-02-09');

    await t.call(t.admin, 'calendar.saveDay', { date: '2027-02-08', kind: null, name: '' });
    expect((await loadWorkCalendar(t.backend.store.db)).isWorkingDay('2027-02-08')).toBe(true);
    const { entries } = await t.call(t.admin, 'audit.list', { limit: 5 });
    expect(entries.slice(0, 2).map((e) => e.action)).toEqual(['calendar.remove', 'calendar.set']);
  });

  it('refuses a make-up working day on a weekday, and anyone but the administrator', async () => {
    const t = await createCounty();
    ledger = t;
    const weekday = await t.failure(t.admin, 'calendar.saveDay', { date: '2027-02-03', kind: 'workday', name: '春节' });
    expect(weekday.details?.fields?.[0]).toEqual({ path: ['kind'], message: '调休上班日应在周六或周日' });
    const clerk = await t.login('dongshan', 'Temp2026pass');
    await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    expect((await t.failure(clerk, 'calendar.saveDay', { date: '2027-02-05', kind: 'holiday', name: '春节' })).code).toBe('FORBIDDEN');
    expect((await t.call(clerk, 'calendar.year', { year: 2026 })).covered).toBe(true);
  });
});

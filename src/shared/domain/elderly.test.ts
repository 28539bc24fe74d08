import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ELDER_POLICY,
  isValidPeriod,
  joinDifficulties,
  levelFitsScore,
  levelOfScore,
  nextElderVisitDue,
  parseDifficulties,
  periodEnd,
  periodJustEnded,
  periodLabel,
  periodMonths,
  periodOf,
  periodStart,
  previousPeriod,
  stopAllowedFrom,
  turningAction,
} from './elderly';

describe('survival periods', () => {
  it('puts January–June in H1 and July–December in H2', () => {
    expect(['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31'].map(periodOf)).toEqual(['2026-H1', '2026-H1', '2026-H2', '2026-H2']);
    expect([periodStart('2026-H1'), periodEnd('2026-H1'), periodStart('2026-H2'), periodEnd('2026-H2')]).toEqual(['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31']);
    expect(periodMonths('2026-H2')).toEqual({ first: '2026-07', last: '2026-12' });
    expect(periodLabel('2026-H1')).toBe('2026年上半年');
  });

  it('steps back across the year and names the half-year just ended', () => {
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(previousPeriod('2026-H1')).toBe('2025-H2');
    expect(periodJustEnded('2026-07-01')).toBe('2026-H1');
    expect(periodJustEnded('2026-06-30')).toBe('2025-H2');
    expect(periodJustEnded('2027-01-05')).toBe('2026-H2');
  });

  it('allows stopping only after the period and its grace days', () => {
    expect(stopAllowedFrom('2026-H1', 0)).toBe('2026-07-01');
    expect(stopAllowedFrom('2026-H2', 0)).toBe('2027-01-01');
    expect(stopAllowedFrom('2026-H1', 15)).toBe('2026-07-16');
  });

  it('accepts only YYYY-H1 and YYYY-H2', () => {
    expect(['2026-H1', '2026-H2', '2026-H3', '2026-1', '26-H1'].map(isValidPeriod)).toEqual([true, true, false, false, false]);
  });
});

describe('elder files', () => {
  it('visits on the shortest interval of the difficulties, from the later of the last visit and the opening', () => {
    const p = DEFAULT_ELDER_POLICY;
    expect(nextElderVisitDue(p, { difficulties: ['empty_nest'], lastVisitedOn: null, openedOn: '2026-01-31' })).toBe('2026-04-30');
    expect(nextElderVisitDue(p, { difficulties: ['empty_nest', 'alone'], lastVisitedOn: '2026-03-10', openedOn: '2026-01-31' })).toBe('2026-04-10');
    // A file reopened after its last visit counts from the reopening.
    expect(nextElderVisitDue(p, { difficulties: ['very_old'], lastVisitedOn: '2025-05-01', openedOn: '2026-02-01' })).toBe('2026-05-01');
  });

  it('stores difficulties in one order whatever order they were chosen in', () => {
    expect(joinDifficulties(['very_old', 'alone', 'disabled'])).toBe('alone,disabled,very_old');
    expect(parseDifficulties('alone,disabled,very_old,unknown')).toEqual(['alone', 'disabled', 'very_old']);
  });
});

describe('ability assessment levels', () => {
  it('reads the level from the total and lets adjustments only make it more severe', () => {
    expect([90, 89, 66, 65, 46, 45, 30, 29, 0].map(levelOfScore)).toEqual(['intact', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe', 'total', 'total']);
    expect(levelFitsScore('severe', 70)).toBe(true);
    expect(levelFitsScore('intact', 70)).toBe(false);
  });
});

describe('turning 80, 90, 100', () => {
  it('says what to do about 高龄津贴', () => {
    expect(turningAction(80, null).message).toBe('可申请高龄津贴');
    expect(turningAction(90, '80').message).toBe('应调至90–99岁档');
    expect(turningAction(100, '90').message).toBe('应调至百岁档');
    expect(turningAction(90, '90').action).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { canMove, daysOverdue, isOverdue, needsOutcome, referralNo, REFERRAL_STATUSES, STATUS_MOVES, type ReferralStatus } from './referrals';

describe('referral status moves', () => {
  it('allows exactly the moves of the rules', () => {
    const allowed = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual(['referred>accepted', 'referred>declined', 'accepted>in_service', 'accepted>completed', 'accepted>declined', 'in_service>completed']);
  });

  it('refuses staying put, going back and leaving a closed referral', () => {
    for (const s of REFERRAL_STATUSES) expect(canMove(s, s)).toBe(false);
    expect(canMove('in_service', 'accepted')).toBe(false);
    expect(canMove('in_service', 'declined')).toBe(false);
    expect(canMove('referred', 'completed')).toBe(false);
    expect(STATUS_MOVES.completed).toEqual([]);
    expect(STATUS_MOVES.declined).toEqual([]);
  });

  it('asks for an outcome only when a referral closes', () => {
    expect(REFERRAL_STATUSES.filter(needsOutcome)).toEqual(['completed', 'declined']);
  });
});

describe('overdue referrals', () => {
  const ref = (status: ReferralStatus, dueOn = '2026-03-10') => ({ status, dueOn });

  it('is overdue from the day after the due date while open', () => {
    expect(isOverdue(ref('referred'), '2026-03-10')).toBe(false);
    expect(isOverdue(ref('referred'), '2026-03-11')).toBe(true);
    expect(daysOverdue(ref('in_service'), '2026-03-15')).toBe(5);
    expect(daysOverdue(ref('accepted'), '2026-03-09')).toBe(0);
  });

  it('is never overdue once closed', () => {
    expect(isOverdue(ref('completed'), '2027-01-01')).toBe(false);
    expect(daysOverdue(ref('declined'), '2027-01-01')).toBe(0);
  });

  it('numbers referrals by year with four digits', () => {
    expect(referralNo('2026', 7)).toBe('ZJ2026-0007');
    expect(referralNo('2026', 12345)).toBe('ZJ2026-12345');
  });
});

import { describe, expect, it } from 'vitest';
import { dibaoAmount } from './amounts';

describe('低保 补差', () => {
  it('pays (standard − per-capita income) × covered members, rounded once', () => {
    // Standard 600 元, family of 3 earning 1,000 元: per capita 333.33, gap 266.67 × 3 = 800.00.
    expect(dibaoAmount({ standardFen: 60000, monthlyIncomeFen: 100000, familySize: 3, coveredCount: 3, floorFen: 5000 })).toEqual({
      eligible: true,
      perCapitaIncomeFen: 33333,
      amountFen: 80000,
      floored: false,
    });
    // Two of three covered: 266.666… × 2 = 533.33.
    expect(dibaoAmount({ standardFen: 60000, monthlyIncomeFen: 100000, familySize: 3, coveredCount: 2, floorFen: 5000 }).amountFen).toBe(53333);
  });

  it('lifts small gaps to the floor and refuses incomes at or above the standard', () => {
    expect(dibaoAmount({ standardFen: 60000, monthlyIncomeFen: 115000, familySize: 2, coveredCount: 2, floorFen: 5000 })).toMatchObject({ amountFen: 10000, floored: true });
    expect(dibaoAmount({ standardFen: 60000, monthlyIncomeFen: 120000, familySize: 2, coveredCount: 2, floorFen: 5000 })).toMatchObject({ eligible: false, amountFen: 0 });
  });
});

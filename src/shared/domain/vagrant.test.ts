import { describe, expect, it } from 'vitest';
import { rescueNo, rescueTitle, stayDays } from './vagrant';

describe('vagrant aid', () => {
  it('counts a stay in days from admission, a same-day stay as one, an open stay up to today', () => {
    expect(stayDays('2026-03-01', '2026-03-01', '2026-11-20')).toBe(1);
    expect(stayDays('2026-03-01', '2026-03-02', '2026-11-20')).toBe(1);
    expect(stayDays('2026-02-26', '2026-03-08', '2026-11-20')).toBe(10);
    expect(stayDays('2026-11-12', null, '2026-11-20')).toBe(8);
    expect(stayDays('2026-11-20', null, '2026-11-20')).toBe(1);
  });

  it('numbers rescues by year with four digits', () => {
    expect([rescueNo('2026', 7), rescueNo('2027', 1234)]).toEqual(['JZ2026-0007', 'JZ2027-1234']);
  });

  it('names a person of unknown identity by sex and estimated age', () => {
    expect(rescueTitle({ identityKnown: true, name: '王建国', sex: 'male', age: 52 })).toBe('王建国');
    expect(rescueTitle({ identityKnown: false, name: null, sex: 'male', age: 50 })).toBe('身份不明（男，约50岁）');
    expect(rescueTitle({ identityKnown: false, name: null, sex: 'female', age: null })).toBe('身份不明（女）');
  });
});

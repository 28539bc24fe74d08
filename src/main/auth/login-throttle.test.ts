import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { fixedClock } from '../app/clock';
import { LoginThrottle } from './login-throttle';

/** The seconds a name must wait, or 0 when it may try now. */
function waitOf(throttle: LoginThrottle, username: string): number {
  try {
    throttle.check(username);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'RATE_LIMITED') throw err;
    return (err.details as { retryAfter: number }).retryAfter;
  }
}

describe('the login throttle', () => {
  it('allows four wrong guesses, then locks the name for a minute, doubling up to fifteen minutes', () => {
    const clock = fixedClock('2026-11-20T09:00:00+08:00');
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) {
      throttle.fail('admin');
      expect(waitOf(throttle, 'admin')).toBe(0);
    }
    const locks: number[] = [];
    for (let i = 0; i < 7; i++) {
      throttle.fail('admin');
      const wait = waitOf(throttle, 'admin');
      locks.push(wait);
      // Still locked a second before the end, free once the clock reaches it.
      clock.advance((wait - 1) * 1000);
      expect(waitOf(throttle, 'admin')).toBe(1);
      clock.advance(1000);
      expect(waitOf(throttle, 'admin')).toBe(0);
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('says in Chinese how long to wait', () => {
    const throttle = new LoginThrottle(fixedClock('2026-11-20T09:00:00+08:00'));
    for (let i = 0; i < 5; i++) throttle.fail('clerk');
    expect(() => throttle.check('clerk')).toThrow('密码错误次数过多，请 60 秒后再试');
  });

  it('counts per name, whatever its case, and forgets the count after a success', () => {
    const clock = fixedClock('2026-11-20T09:00:00+08:00');
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < 5; i++) throttle.fail(i % 2 ? 'Admin' : 'ADMIN');
    expect(waitOf(throttle, 'admin')).toBe(60);
    expect(waitOf(throttle, 'dongshan')).toBe(0);
    clock.advance(60_000);
    throttle.succeed('admin');
    for (let i = 0; i < 4; i++) throttle.fail('admin');
    expect(waitOf(throttle, 'admin')).toBe(0);
  });
});

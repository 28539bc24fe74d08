/**
 * Slows down password guessing per user name: after 5 failures in a row the name is locked out for a
 * minute, doubling with each further failure up to 15 minutes. A success clears the count.
 */
import { AppError } from '../../shared/api/errors';
import type { Clock } from '../app/clock';

const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  constructor(private readonly clock: Clock) {}

  check(username: string): void {
    const entry = this.failures.get(username.toLowerCase());
    const now = this.clock.now().getTime();
    if (entry && entry.lockedUntil > now) {
      const retryAfter = Math.ceil((entry.lockedUntil - now) / 1000);
      throw new AppError('RATE_LIMITED', `密码错误次数过多，请 ${retryAfter} 秒后再试`, { retryAfter });
    }
  }

  fail(username: string): void {
    const key = username.toLowerCase();
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      const lockMs = Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (entry.count - FREE_ATTEMPTS));
      entry.lockedUntil = this.clock.now().getTime() + lockMs;
    }
    this.failures.set(key, entry);
  }

  succeed(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}

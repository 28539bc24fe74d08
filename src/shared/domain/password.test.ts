import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('password rules', () => {
  it('wants eight characters with letters and digits, not the user name', () => {
    expect(passwordProblem('abc123')).toBe('密码至少需要 8 位');
    expect(passwordProblem('abcdefgh')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('12345678')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('zhang2026x', 'zhang')).toBe('密码不能包含用户名');
    expect(passwordProblem('Qingshan2026', 'admin')).toBeNull();
  });
});

describe('password limits', () => {
  it('accepts exactly eight and exactly 128 characters, not one fewer or one more', () => {
    expect(passwordProblem('abcdef12')).toBeNull();
    expect(passwordProblem('abcdef1')).toBe('密码至少需要 8 位');
    const long = `${'a'.repeat(120)}12345678`;
    expect(long).toHaveLength(128);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem(`${long}9`)).toBe('密码不能超过 128 位');
  });

  it('finds the user name in any case, and counts characters beyond ASCII as characters', () => {
    expect(passwordProblem('2026DongShan!', 'dongshan')).toBe('密码不能包含用户名');
    expect(passwordProblem('青山镇2026年度', 'qingshan')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('青山镇Qs2026', 'qingshan')).toBeNull();
  });
});

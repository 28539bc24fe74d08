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

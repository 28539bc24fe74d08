import { afterEach, describe, expect, it } from 'vitest';
import { readEnvelope } from '../../src/main/auth/key-envelope';
import { ADMIN_PASSWORD, createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

describe('passwords, recovery and accounts', () => {
  it('lets the recovery code unlock the ledger and set a new administrator password', async () => {
    const t = await createCounty();
    ledger = t;
    await t.call(t.admin, 'auth.logout', {});
    const anon = t.sessions.create();
    const wrong = await t.failure(anon, 'auth.recover', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', username: 'admin', newPassword: 'Brand2026new' });
    expect(wrong).toMatchObject({ code: 'WRONG_CREDENTIALS', message: '恢复码不正确' });
    // Typed back in lower case with spaces instead of dashes: still accepted.
    const typed = t.recoveryCode.toLowerCase().replaceAll('-', ' ');
    await t.call(anon, 'auth.recover', { recoveryCode: typed, username: 'admin', newPassword: 'Brand2026new' });
    expect(t.backend.store.isOpen()).toBe(false);
    expect((await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).code).toBe('WRONG_CREDENTIALS');
    const admin = await t.login('admin', 'Brand2026new');
    const entries = (await t.call(admin, 'audit.list', { limit: 5 })).entries;
    expect(entries.some((e) => e.action === 'user.recover' && e.username === 'recovery-code')).toBe(true);
  });

  it('refuses to use the recovery code for anyone but an administrator', async () => {
    const t = await createCounty();
    ledger = t;
    const error = await t.failure(t.sessions.create(), 'auth.recover', { recoveryCode: t.recoveryCode, username: 'dongshan', newPassword: 'Brand2026new' });
    expect(error.code).toBe('VALIDATION');
  });

  it('changes a password: the old one stops working, the new one works', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await t.login('dongshan', 'Temp2026pass');
    // An account made by the administrator must change its password before anything else.
    expect((await t.failure(clerk, 'regions.townships', {})).message).toBe('请先修改初始密码');
    expect((await t.failure(clerk, 'auth.changePassword', { currentPassword: 'nope', newPassword: 'Mine2026pass' })).code).toBe('WRONG_CREDENTIALS');
    expect((await t.failure(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'short' })).code).toBe('WEAK_PASSWORD');
    await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    expect((await t.call(clerk, 'regions.townships', {})).length).toBe(1);
    expect((await t.failure(t.sessions.create(), 'auth.login', { username: 'dongshan', password: 'Temp2026pass' })).code).toBe('WRONG_CREDENTIALS');
    await t.login('dongshan', 'Mine2026pass');
  });

  it('lets the administrator reset a password, which must then be changed', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await t.login('dongshan', 'Temp2026pass');
    await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    await t.call(t.admin, 'users.resetPassword', { id: t.clerk.id, newPassword: 'Reset2026pass' });
    expect((await t.failure(t.sessions.create(), 'auth.login', { username: 'dongshan', password: 'Mine2026pass' })).code).toBe('WRONG_CREDENTIALS');
    const again = await t.login('dongshan', 'Reset2026pass');
    const info = await t.call(again, 'auth.session', {});
    expect(info.session?.user.mustChangePassword).toBe(true);
  });

  it('disables an account so that its password opens nothing, and re-enables it with a new password', async () => {
    const t = await createCounty();
    ledger = t;
    await t.call(t.admin, 'users.setActive', { id: t.clerk.id, active: false });
    expect(readEnvelope(t.backend.store.envelopePath).users['dongshan']?.wrapped).toBeNull();
    expect(await t.failure(t.sessions.create(), 'auth.login', { username: 'dongshan', password: 'Temp2026pass' })).toMatchObject({
      code: 'USER_DISABLED',
      message: '该账户已停用，请联系系统管理员',
    });
    expect((await t.failure(t.admin, 'users.setActive', { id: t.clerk.id, active: true })).code).toBe('VALIDATION');
    await t.call(t.admin, 'users.setActive', { id: t.clerk.id, active: true, newPassword: 'Again2026pass' });
    await t.login('dongshan', 'Again2026pass');
  });

  it('keeps the last administrator: cannot disable yourself or demote the only admin', async () => {
    const t = await createCounty();
    ledger = t;
    const me = (await t.call(t.admin, 'users.list', {})).find((u) => u.username === 'admin')!;
    expect((await t.failure(t.admin, 'users.setActive', { id: me.id, active: false })).code).toBe('CONFLICT');
    expect((await t.failure(t.admin, 'users.update', { id: me.id, displayName: '管理员', role: 'manager', townshipId: null })).code).toBe('CONFLICT');
  });

  it('checks role and township together and explains what is wrong on the field', async () => {
    const t = await createCounty();
    ledger = t;
    const noTownship = await t.failure(t.admin, 'users.create', { username: 'alpha', displayName: '甲', role: 'township_clerk', townshipId: null, password: 'Qw2026pass' });
    expect(noTownship.details?.fields?.[0]).toMatchObject({ path: ['townshipId'] });
    const countyWithTownship = await t.failure(t.admin, 'users.create', { username: 'beta', displayName: '乙', role: 'county_clerk', townshipId: t.east.id, password: 'Qw2026pass' });
    expect(countyWithTownship.code).toBe('VALIDATION');
    const duplicate = await t.failure(t.admin, 'users.create', { username: 'DongShan', displayName: '丙', role: 'county_clerk', townshipId: null, password: 'Qw2026pass' });
    expect(duplicate).toMatchObject({ code: 'CONFLICT', message: '用户名 dongshan 已存在' });
  });

  it('slows down password guessing: five failures lock the name out for a while', async () => {
    const t = await createCounty();
    ledger = t;
    for (let i = 0; i < 5; i++) await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: `Guess${i}pass1` });
    const locked = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(locked.code).toBe('RATE_LIMITED');
    t.clock.advance(61_000);
    await t.login('admin', ADMIN_PASSWORD);
  });
});

describe('the production key derivation', () => {
  it('wraps keys with scrypt at N=2^17 and signs in with them', async () => {
    const { DEFAULT_SCRYPT } = await import('../../src/main/auth/kdf');
    const t = await createCounty({ kdf: DEFAULT_SCRYPT });
    ledger = t;
    const envelope = readEnvelope(t.backend.store.envelopePath);
    expect(envelope.users['admin']?.wrapped?.params).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(envelope.recovery.params.N).toBe(2 ** 17);
    await t.call(t.admin, 'auth.logout', {});
    await t.login('admin', ADMIN_PASSWORD);
  });
});

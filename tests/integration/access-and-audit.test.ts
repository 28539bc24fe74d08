import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounty, type TestLedger } from '../fixtures/ledger';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

async function readyClerk(t: Awaited<ReturnType<typeof createCounty>>) {
  const clerk = await t.login('dongshan', 'Temp2026pass');
  await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
  return clerk;
}

describe('role and township scope, checked on the main side', () => {
  it("refuses a township clerk another township's data and shows only their own", async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await readyClerk(t);
    const own = await t.call(clerk, 'regions.townships', {});
    expect(own.map((x) => x.name)).toEqual(['东山镇']);
    expect((await t.call(clerk, 'regions.villages', { townshipId: t.east.id })).map((v) => v.name)).toEqual(['东山村']);
    const refused = await t.failure(clerk, 'regions.villages', { townshipId: t.west.id });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '只能查看和办理本乡镇（街道）的业务' });
    const overview = await t.call(clerk, 'workspace.overview', {});
    expect(overview).toMatchObject({ scopeTownship: { name: '东山镇' }, townships: 1, villages: 1 });
  });

  it('refuses administrative methods to other roles, and changes nothing', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await readyClerk(t);
    const before = await t.call(t.admin, 'users.list', {});
    expect(await t.failure(clerk, 'users.list', {})).toMatchObject({ code: 'FORBIDDEN', message: '您的角色（乡镇经办员）无权执行此操作' });
    expect((await t.failure(clerk, 'users.create', { username: 'evil', displayName: '坏人', role: 'admin', townshipId: null, password: 'Evil2026pass' })).code).toBe('FORBIDDEN');
    expect((await t.failure(clerk, 'regions.saveTownship', { code: '431122199', name: '新镇' })).code).toBe('FORBIDDEN');
    expect(await t.call(t.admin, 'users.list', {})).toEqual(before);
  });

  it('applies role changes and disabling to sessions already signed in', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await readyClerk(t);
    await t.call(t.admin, 'users.update', { id: t.clerk.id, displayName: '东山经办员', role: 'county_clerk', townshipId: null });
    expect((await t.call(clerk, 'regions.townships', {})).length).toBe(2);
    await t.call(t.admin, 'users.setActive', { id: t.clerk.id, active: false });
    expect((await t.failure(clerk, 'regions.townships', {})).code).toBe('UNAUTHENTICATED');
  });

  it('needs a signed-in session for everything but setup and login', async () => {
    const t = await createCounty();
    ledger = t;
    const anon = t.sessions.create();
    expect((await t.failure(anon, 'regions.townships', {})).code).toBe('UNAUTHENTICATED');
    expect((await t.failure(anon, 'setup.create', { countyName: '又一县', countyCode: '431199', adminUsername: 'boss', adminDisplayName: '老板', adminPassword: 'Qw2026pass' })).code).toBe(
      'ALREADY_INITIALIZED',
    );
  });

  it('answers bad input with Chinese messages on the fields, and unknown methods with a code', async () => {
    const t = await createCounty();
    ledger = t;
    const bad = await t.failure(t.admin, 'regions.saveTownship', { code: '12', name: '' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details?.fields?.map((f) => f.path[0])).toEqual(['code', 'name']);
    expect(bad.details?.fields?.[0]?.message).toBe('乡镇（街道）代码应为 9 位数字');
    expect(bad.details?.fields?.[1]?.message).toMatch(/[\u4e00-\u9fff]/);
    const outside = await t.failure(t.admin, 'regions.saveTownship', { code: '430000100', name: '外县镇' });
    expect(outside.message).toBe('乡镇（街道）代码应以本县代码 431122 开头，共 9 位');
    const result = await t.router.call(t.admin, 'ledger.dropEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('locks an idle session on the main side, and only the password unlocks it', async () => {
    const t = await createCounty();
    ledger = t;
    t.clock.advance(11 * 60_000);
    expect((await t.failure(t.admin, 'regions.townships', {})).code).toBe('SESSION_LOCKED');
    expect((await t.failure(t.admin, 'auth.unlock', { password: 'not-it-1' })).code).toBe('WRONG_CREDENTIALS');
    await t.call(t.admin, 'auth.unlock', { password: 'County2026pass' });
    expect((await t.call(t.admin, 'regions.townships', {})).length).toBe(2);
    await t.call(t.admin, 'auth.lock', {});
    expect((await t.failure(t.admin, 'users.list', {})).code).toBe('SESSION_LOCKED');
  });

  it('reports progress of long work as events and lets it be cancelled', async () => {
    const t = await createCounty();
    ledger = t;
    const events: unknown[] = [];
    t.admin.listeners.add((e) => events.push(e));
    const result = await t.router.call(t.admin, 'audit.verify', {}, { jobId: 'job-1' });
    expect(result.ok).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ type: 'progress', jobId: 'job-1' }));

    const pending = t.router.call(t.admin, 'audit.verify', {}, { jobId: 'job-2' });
    const cancel = await t.router.call(t.admin, 'jobs.cancel', { jobId: 'job-2' });
    expect(cancel).toMatchObject({ ok: true, data: { cancelled: true } });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});

describe('the hash-chained audit log', () => {
  it('records every change with who, before and after', async () => {
    const t = await createCounty();
    ledger = t;
    await t.call(t.admin, 'regions.saveTownship', { id: t.east.id, code: '431122100', name: '东山街道' });
    const { entries } = await t.call(t.admin, 'audit.list', { limit: 50 });
    const rename = entries.find((e) => e.action === 'township.update')!;
    expect(rename).toMatchObject({ username: 'admin', entityId: t.east.id, before: { name: '东山镇' }, after: { name: '东山街道' } });
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ledger.create', 'township.create', 'village.create', 'user.create', 'auth.login']));
    expect(JSON.stringify(entries)).not.toContain('Temp2026pass');
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: true, problem: null });
  });

  it('detects an edited entry', async () => {
    const t = await createCounty();
    ledger = t;
    await sql`update audit_log set after_json = '{"name":"假镇"}' where seq = 3`.execute(t.backend.store.db);
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: 3, problem: '第 3 条审计记录的内容被改动' });
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const t = await createCounty();
    ledger = t;
    const db = t.backend.store.db;
    const { total } = await t.call(t.admin, 'audit.list', { limit: 1 });
    await sql`delete from audit_log where seq = ${total}`.execute(db);
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: total });
    await sql`delete from audit_log where seq = 2`.execute(db);
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: 2, problem: '第 2 条审计记录缺失（已被删除）' });
  });
});

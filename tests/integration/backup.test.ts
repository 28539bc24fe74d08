import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createCounty } from '../fixtures/ledger';
import { familyOfFour } from '../fixtures/households';
import { verifyAuditChain } from '../../src/main/audit/audit.service';
import { startBackupSchedule } from '../../src/main/backup/backup-schedule';
import { readBackupHeader } from '../../src/main/backup/backup-file';

type County = Awaited<ReturnType<typeof createCounty>>;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function county(): Promise<County> {
  const t = await createCounty();
  cleanup.push(() => t.dispose());
  return t;
}

function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-backups-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function register(t: County, seed: number, address: string) {
  const { members } = familyOfFour(seed);
  const { id } = await t.call(t.admin, 'households.create', { townshipId: t.east.id, villageId: t.eastVillage.id, address, hukouType: 'rural', phone: null, members });
  return { id, members };
}

const addresses = async (t: County) => (await t.backend.store.db.selectFrom('households').select('address').orderBy('address').execute()).map((r) => r.address);

/** Backups are named by the computer's local time. */
const localStamp = (at: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
};

function flipByteAt(file: string, position: number) {
  const fd = fs.openSync(file, 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, position);
  b[0] = b[0]! ^ 0xff;
  fs.writeSync(fd, b, 0, 1, position);
  fs.closeSync(fd);
}

describe('backups', () => {
  it('writes an encrypted, verified backup with the key envelope, lists it and checks it again', async () => {
    const t = await county();
    const folder = tempFolder();
    const { members } = await register(t, 11, '东山村三组 12 号');
    expect((await t.call(t.admin, 'backup.status', {})).attention).toMatchObject({ kind: 'never', at: null });
    const result = await t.call(t.admin, 'backup.create', { folder });
    expect(result.kind).toBe('manual');
    expect(result.fileName).toBe(`兜底台账备份-431122-${localStamp(t.clock.now())}.doudibak`);
    expect(result.auditEntries).toBeGreaterThan(5);
    // No name, ID number or address in clear anywhere in the file, and no temp file left beside it.
    const bytes = fs.readFileSync(result.path);
    for (const text of [members[0]!.name, members[0]!.idNumber, '东山村三组']) expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([result.fileName]);

    const status = await t.call(t.admin, 'backup.status', {});
    expect(status.last).toMatchObject({ ok: true, kind: 'manual', fileName: result.fileName });
    expect(status.attention).toBeNull();
    expect(status.files).toEqual([]); // no folder in the policy yet
    await t.call(t.admin, 'backup.setPolicy', { folder, daily: false, time: '17:30', keep: 7 });
    const listed = await t.call(t.admin, 'backup.status', {});
    expect(listed.files).toMatchObject([{ fileName: result.fileName, sameLedger: true, kind: 'manual', countyName: '测试县', problem: null }]);

    const checked = await t.call(t.admin, 'backup.check', { path: result.path });
    expect(checked).toMatchObject({ countyName: '测试县', kind: 'manual', auditEntries: result.auditEntries });
    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', 'like', 'backup.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['backup.create', 'backup.policy']);

    // A week later all is still well; a day more and the backup is called old.
    t.clock.advance(7 * 86_400_000);
    expect((await t.call(await t.login('admin', ADMIN_PASSWORD), 'backup.status', {})).attention).toBeNull();
    t.clock.advance(86_400_000);
    const stale = (await t.call(await t.login('admin', ADMIN_PASSWORD), 'backup.status', {})).attention;
    expect(stale).toEqual({ kind: 'stale', at: result.createdAt, message: '最近一次成功备份已是 8 天前' });
  });

  it('says clearly when the folder is missing or the name is taken, and records the failure', async () => {
    const t = await county();
    const missing = path.join(os.tmpdir(), 'doudi-no-such-stick', 'backups');
    const error = await t.failure(t.admin, 'backup.create', { folder: missing });
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(error.message).toContain('找不到备份文件夹');
    expect(error.message).toContain('U盘');
    const status = await t.call(t.admin, 'backup.status', {});
    expect(status.last).toMatchObject({ ok: false, error: error.message });
    // A failure comes before "never backed up": it is what the administrator must act on.
    expect(status.attention).toMatchObject({ kind: 'failed', message: `备份失败：${error.message}` });
    expect((await t.failure(t.admin, 'backup.create', { folder: 'relative/dir' })).message).toContain('完整路径');
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'taken.doudibak'), 'x');
    expect((await t.failure(t.admin, 'backup.create', { folder, fileName: 'taken.doudibak' })).message).toContain('不会覆盖');
    expect(fs.readFileSync(path.join(folder, 'taken.doudibak'), 'utf8')).toBe('x');
  });

  it('refuses corrupted, truncated, foreign and non-backup files without touching the ledger', async () => {
    const t = await county();
    const folder = tempFolder();
    await register(t, 11, '东山村一组');
    const good = await t.call(t.admin, 'backup.create', { folder });
    const other = await county();
    const foreign = await other.call(other.admin, 'backup.create', { folder });
    const before = t.fileHashes();
    const auditHead = async () => (await t.backend.store.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq;
    const headBefore = await auditHead();

    const flipped = path.join(folder, 'flipped.doudibak');
    fs.copyFileSync(good.path, flipped);
    flipByteAt(flipped, Math.floor(fs.statSync(flipped).size / 2));
    const truncated = path.join(folder, 'truncated.doudibak');
    fs.writeFileSync(truncated, fs.readFileSync(good.path).subarray(0, fs.statSync(good.path).size - 4096));
    const notBackup = path.join(folder, 'roster.doudibak');
    fs.writeFileSync(notBackup, 'PK\u0003\u0004 not a backup at all');

    const cases: [string, string, RegExp][] = [
      [flipped, 'corrupt', /已损坏（校验和不符）/],
      [truncated, 'corrupt', /文件长度不符/],
      [notBackup, 'not_backup', /不是兜底台账的备份文件/],
      [foreign.path, 'foreign', /另一个台账（测试县）的备份/],
    ];
    for (const [file, refusal, message] of cases) {
      for (const method of ['backup.check', 'backup.restore'] as const) {
        const error = await t.failure(t.admin, method, { path: file, password: ADMIN_PASSWORD });
        expect(error.code, `${path.basename(file)} ${method}`).toBe('BACKUP_REJECTED');
        expect(error.details?.refusal).toBe(refusal);
        expect(error.message).toMatch(message);
      }
    }
    // The listing already tells the foreign and broken ones apart, from their headers.
    await t.call(t.admin, 'backup.setPolicy', { folder, daily: false, time: '17:30', keep: 7 });
    const files = (await t.call(t.admin, 'backup.status', {})).files;
    expect(files.find((f) => f.fileName === foreign.fileName)?.problem).toContain('另一个台账');
    expect(files.find((f) => f.fileName === 'truncated.doudibak')?.problem).toContain('已损坏');
    expect(files.find((f) => f.fileName === 'roster.doudibak')?.problem).toContain('不是兜底台账的备份文件');

    // Nothing restored, nothing signed out: the ledger is exactly as it was, apart from the policy just saved.
    expect(await auditHead()).toBe(headBefore! + 1);
    expect(Object.keys(t.fileHashes())).toEqual(Object.keys(before));
    expect(await addresses(t)).toEqual(['东山村一组']);
  });

  it('refuses a backup whose ledger copy is damaged inside, even with a matching digest, before touching the ledger', async () => {
    const t = await county();
    const folder = tempFolder();
    await register(t, 11, '东山村一组');
    const good = await t.call(t.admin, 'backup.create', { folder });
    await register(t, 12, '东山村二组');
    // Damage a page in the middle of the database and write a digest that matches the damage.
    const { dataOffset, header } = readBackupHeader(good.path);
    const bytes = fs.readFileSync(good.path);
    const at = dataOffset + Math.floor(header.dbBytes / 4096 / 2) * 4096 + 100;
    bytes[at] = bytes[at]! ^ 0x55;
    const body = bytes.subarray(0, bytes.length - 32);
    const forged = path.join(folder, 'forged.doudibak');
    fs.writeFileSync(forged, Buffer.concat([body, crypto.createHash('sha256').update(body).digest()]));
    const before = t.fileHashes();
    for (const method of ['backup.check', 'backup.restore'] as const) {
      const error = await t.failure(t.admin, method, { path: forged, password: ADMIN_PASSWORD });
      expect(error.code).toBe('BACKUP_REJECTED');
      expect(error.details?.refusal).toBe('corrupt');
      expect(error.message).toContain('损坏');
    }
    // The shared-memory index (-shm) changes with every read; the ledger, its WAL and the keys do not.
    const durable = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([name]) => !name.endsWith('-shm')));
    expect(durable(t.fileHashes())).toEqual(durable(before));
    expect(await addresses(t)).toEqual(['东山村一组', '东山村二组']);
  });

  it('restores the ledger as it was, keeps the replaced one, and ends every session', async () => {
    const t = await county();
    const folder = tempFolder();
    await register(t, 11, '东山村一组');
    const backup = await t.call(t.admin, 'backup.create', { folder });
    await register(t, 12, '东山村二组');
    const clerk = await t.login('dongshan', 'Temp2026pass');

    const wrong = await t.failure(t.admin, 'backup.restore', { path: backup.path, password: 'Wrong2026pass' });
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    expect(await addresses(t)).toEqual(['东山村一组', '东山村二组']);

    t.clock.advance(5 * 60_000);
    const restored = await t.call(t.admin, 'backup.restore', { path: backup.path, password: ADMIN_PASSWORD });
    expect(restored.restoredFrom).toBe(backup.fileName);
    expect(path.basename(restored.previousKeptIn)).toBe(`恢复前的台账-${localStamp(t.clock.now())}`);
    // Every session is over; the next call asks to sign in again.
    expect((await t.failure(clerk, 'ledger.list', { kind: 'households' })).code).toBe('UNAUTHENTICATED');
    expect((await t.failure(t.admin, 'backup.status', {})).code).toBe('UNAUTHENTICATED');

    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect(await addresses(t)).toEqual(['东山村一组']);
    const chain = await verifyAuditChain(t.backend.store.db);
    expect(chain.ok).toBe(true);
    const last = await t.backend.store.db.selectFrom('audit_log').select(['action', 'username']).orderBy('seq', 'desc').limit(2).execute();
    expect(last.map((r) => r.action)).toEqual(['auth.login', 'backup.restore']);
    expect(last[1]!.username).toBe('admin');
    await t.call(admin, 'ledger.list', { kind: 'households' });

    // The replaced ledger is kept whole and still opens: the household registered after the backup is there.
    const kept = fs.readdirSync(restored.previousKeptIn).sort();
    expect(kept).toContain('ledger.db');
    expect(kept).toContain('ledger.keys.json');
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('.doudi-'))).toEqual([]);
  });

  it('runs the daily backup once its time has passed, catches up a missed day and keeps the newest N', async () => {
    const t = await county();
    const folder = tempFolder();
    const manual = await t.call(t.admin, 'backup.create', { folder });
    await t.call(t.admin, 'backup.setPolicy', { folder, daily: true, time: '17:30', keep: 2 });
    const schedule = startBackupSchedule(t.backend);
    cleanup.push(() => schedule.stop());
    const scheduledFiles = () => fs.readdirSync(folder).filter((f) => f.endsWith('-自动.doudibak')).sort();

    // Local time of the office computer. The manual backup of this morning is newer than yesterday's 17:30.
    t.clock.set(new Date(2026, 10, 20, 9, 30));
    await schedule.check();
    expect(scheduledFiles()).toEqual([]);
    t.clock.set(new Date(2026, 10, 20, 17, 31));
    await schedule.check();
    await schedule.check();
    expect(scheduledFiles()).toHaveLength(1);
    // The 21st at 18:00, then nothing on the 22nd (computer off): the 23rd at 08:00 catches up.
    for (const at of [new Date(2026, 10, 21, 18, 0), new Date(2026, 10, 23, 8, 0)]) {
      t.clock.set(at);
      await schedule.check();
    }
    // Keep 2: the oldest daily one went; the manual backup is the clerk's and stays.
    expect(scheduledFiles()).toEqual(['兜底台账备份-431122-20261121-180000-自动.doudibak', '兜底台账备份-431122-20261123-080000-自动.doudibak']);
    expect(fs.existsSync(manual.path)).toBe(true);

    // The stick is pulled out: the failure is recorded (and shown), the last good backup is still known.
    fs.rmSync(folder, { recursive: true });
    t.clock.set(new Date(2026, 10, 23, 17, 45));
    await schedule.check();
    const status = await t.call(await t.login('admin', ADMIN_PASSWORD), 'backup.status', {});
    expect(status.last).toMatchObject({ ok: false, kind: 'scheduled' });
    expect(status.last?.error).toContain('找不到备份文件夹');
    expect(status.lastGood?.fileName).toBe('兜底台账备份-431122-20261123-080000-自动.doudibak');
    expect(status.folderProblem).toContain('找不到备份文件夹');
    expect(status.attention?.message).toMatch(/^自动备份失败：找不到备份文件夹/);
  });

  it('backs up and restores from the command line, into an empty folder on another computer', async () => {
    const t = await county();
    await register(t, 11, '东山村一组');
    await t.backend.store.close();
    const folder = tempFolder();
    const cli = path.resolve(import.meta.dirname, '..', '..', 'src', 'main', 'cli.ts');
    const doudi = (args: string[], password: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, DOUDI_PASSWORD: password } });
    const out = path.join(folder, '年底备份.doudibak');
    const backedUp = doudi(['backup', '--data', t.dataDir, '--out', out], ADMIN_PASSWORD);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.stdout).toContain(`已备份并校验：${out}`);

    // While the app has the ledger open, a restore into its folder is refused and changes nothing.
    await t.login('admin', ADMIN_PASSWORD);
    const before = t.fileHashes();
    const busy = doudi(['restore', out, '--data', t.dataDir], ADMIN_PASSWORD);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('台账正在被另一个');
    const durable = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([name]) => !name.endsWith('-shm')));
    expect(durable(t.fileHashes())).toEqual(durable(before));
    await t.backend.store.close();

    const elsewhere = path.join(tempFolder(), 'ledger');
    const wrong = doudi(['restore', out, '--data', elsewhere], 'Wrong2026pass');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('用户名或密码错误');
    expect(fs.existsSync(path.join(elsewhere, 'ledger.db'))).toBe(false);

    const restored = doudi(['restore', out, '--data', elsewhere], ADMIN_PASSWORD);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('已从备份恢复：年底备份.doudibak');
    // The restored ledger opens with the same password and holds the household.
    const exported = doudi(['export', 'roster', '--program', 'dibao', '--data', elsewhere, '--out', path.join(folder, 'r.xlsx')], ADMIN_PASSWORD);
    expect(exported.status).toBe(0);

    // A backup of another ledger is refused for a folder that has one, which stays as it was.
    const other = await county();
    const foreignOut = path.join(folder, 'other.doudibak');
    await other.call(other.admin, 'backup.create', { folder, fileName: 'other.doudibak' });
    const refused = doudi(['restore', foreignOut, '--data', elsewhere], ADMIN_PASSWORD);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('另一个台账');
  });

  it('is the administrator’s: other roles are refused', async () => {
    const t = await county();
    const clerk = await t.login('dongshan', 'Temp2026pass');
    await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
    for (const method of ['backup.status', 'backup.create', 'backup.check', 'backup.restore', 'backup.setPolicy'] as const) {
      const error = await t.failure(clerk, method, { path: '/tmp/x', password: 'Mine2026pass', folder: '/tmp', daily: false, time: '17:30', keep: 1 } as never);
      expect(error.code, method).toBe('FORBIDDEN');
    }
  });
});


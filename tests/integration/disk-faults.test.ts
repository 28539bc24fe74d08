/**
 * A full disk and a ledger that can no longer be written: the clerk is told what happened, that nothing was
 * changed and what to do, in Chinese; the ledger is exactly as before (every table's rows and the audit
 * head); once the disk is fixed, the same work goes through on the same open ledger.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createCounty } from '../fixtures/ledger';
import { PeopleGenerator } from '../fixtures/people';
import { dibaoRoster } from '../fixtures/fault-worker';
import { SeededRandom } from '../../src/main/demo/random';
import { acceptUpload } from '../../src/main/rpc/uploads';
import { verifyAuditChain } from '../../src/main/audit/audit.service';
import type { Session } from '../../src/main/rpc/sessions';

const DISK_FULL = '台账所在磁盘已满，本次操作未完成，台账未作改动。请清理该磁盘（删除不用的文件，或把旧备份移到别处）后重试';
const READ_ONLY = '台账文件无法写入（所在磁盘或文件夹为只读，或 U 盘已写保护、已拔出），本次操作未完成，台账未作改动。请检查存放台账的磁盘后重试；仍不行请联系系统管理员';

type County = Awaited<ReturnType<typeof createCounty>>;
let t: County;
let householdId: string;

beforeEach(async () => {
  t = await createCounty();
  const first = await dibaoRoster(new PeopleGenerator(31, '431122'), new SeededRandom(31), 12);
  await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', first.data), purpose: 'initial_load' });
  householdId = (await t.call(t.admin, 'ledger.list', { kind: 'households', page: 1, pageSize: 20 })).rows[0]!.id;
});
afterEach(async () => {
  await t.dispose();
});

function upload(session: Session, fileName: string, data: Buffer): string {
  const r = acceptUpload(session, fileName, data, t.clock.now().getTime());
  if (!r.ok) throw new Error(r.error.message);
  return r.data.uploadId;
}

/** Every table's row count and content digest, and the audit chain's head: the ledger as a user could see it. */
function snapshot() {
  const raw = t.backend.store.rawDatabase();
  const tables = (raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]).map((name) => {
    const rows = raw.prepare(`select * from "${name}"`).raw().all().map((row) => JSON.stringify(row)).sort();
    return [name, rows.length, crypto.createHash('sha256').update(rows.join('\n')).digest('hex')] as const;
  });
  return { tables, head: raw.prepare('select seq, hash from audit_head').get() };
}

const bigRoster = () => dibaoRoster(new PeopleGenerator(32, '431123'), new SeededRandom(32), 150);
const edit = (notes: string) => ({ id: householdId, villageId: t.eastVillage.id, address: '东山村二组 8 号', hukouType: 'rural' as const, phone: '13800002222', notes, reason: '入户核实更正' });

async function expectWholeAndUnchanged(before: ReturnType<typeof snapshot>) {
  expect(snapshot()).toEqual(before);
  expect(t.backend.store.rawDatabase().pragma('integrity_check', { simple: true })).toBe('ok');
  expect(await verifyAuditChain(t.backend.store.db)).toMatchObject({ ok: true });
}

describe('a full disk', () => {
  it('refuses an import and an edit with a clear message, changes nothing, and takes both once there is room', async () => {
    const raw = t.backend.store.rawDatabase();
    const roster = await bigRoster();
    const before = snapshot();
    // The ledger may grow by one page and no more: the disk is full.
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.pragma(`max_page_count = ${pages + 1}`);

    const imported = await t.failure(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇新增低保.xlsx', roster.data), purpose: 'initial_load' });
    expect(imported).toEqual({ code: 'INTERNAL', message: DISK_FULL });
    await expectWholeAndUnchanged(before);

    // Edits with long notes once not a page is left: those that fit into the room the pages still have
    // go through; the first that needs a new page is refused and changes nothing.
    raw.pragma(`max_page_count = ${pages}`);
    const ids = (await t.call(t.admin, 'ledger.list', { kind: 'households', page: 1, pageSize: 20 })).rows.map((row) => row.id);
    let refused: { error: unknown; before: ReturnType<typeof snapshot> } | undefined;
    for (const id of ids) {
      const beforeEdit = snapshot();
      const result = await t.router.call(t.admin, 'households.update', { ...edit('家庭情况说明：'.repeat(70)), id });
      if (!result.ok) {
        refused = { error: result.error, before: beforeEdit };
        break;
      }
    }
    expect(refused?.error).toEqual({ code: 'INTERNAL', message: DISK_FULL });
    await expectWholeAndUnchanged(refused!.before);
    expect((await t.call(t.admin, 'imports.history', {})).length).toBe(1);

    // Room again (the clerk cleared the disk): the same work goes through on the same open ledger.
    raw.pragma('max_page_count = 1073741823');
    const result = await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇新增低保.xlsx', roster.data), purpose: 'initial_load' });
    expect(result.households).toBe(150);
    await t.call(t.admin, 'households.update', edit('家庭情况说明：'.repeat(70)));
    expect((await t.call(t.admin, 'households.get', { id: householdId })).notes).toBe('家庭情况说明：'.repeat(70));
    expect(await verifyAuditChain(t.backend.store.db)).toMatchObject({ ok: true });
  });
});

/**
 * Makes the open ledger unwritable as a write-protected or read-only remounted disk would: its files and
 * folder immutable (chattr +i; root ignores permissions but not that). Where the file system or container
 * does not allow it, SQLite's own switch refuses every write on the connection instead.
 */
function makeUnwritable(): { how: string; restore: () => void } {
  const files = [t.dataDir, ...fs.readdirSync(t.dataDir).map((f) => path.join(t.dataDir, f))];
  const immutable = spawnSync('chattr', ['+i', ...files], { encoding: 'utf8' });
  if (immutable.status === 0) {
    return { how: 'chattr', restore: () => void spawnSync('chattr', ['-i', ...files]) };
  }
  spawnSync('chattr', ['-i', ...files]);
  const raw = t.backend.store.rawDatabase();
  raw.pragma('query_only = 1');
  return { how: 'query_only', restore: () => void raw.pragma('query_only = 0') };
}

describe('a ledger that can no longer be written', () => {
  it('refuses an import, an edit and a sign-in with a clear message, changes nothing, and works again once writable', async () => {
    const roster = await bigRoster();
    const uploadId = upload(t.admin, '东山镇新增低保.xlsx', roster.data);
    const before = snapshot();
    const unwritable = makeUnwritable();
    try {
      const imported = await t.failure(t.admin, 'imports.commit', { uploadId, purpose: 'initial_load' });
      expect(imported).toEqual({ code: 'INTERNAL', message: READ_ONLY });
      const edited = await t.failure(t.admin, 'households.update', edit('复查备注'));
      expect(edited).toEqual({ code: 'INTERNAL', message: READ_ONLY });
      // A sign-in writes its history entry: refused alike.
      const signIn = await t.failure(t.sessions.create(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(signIn).toEqual({ code: 'INTERNAL', message: READ_ONLY });
      await expectWholeAndUnchanged(before);
    } finally {
      unwritable.restore();
    }
    await expectWholeAndUnchanged(before);
    expect(['chattr', 'query_only']).toContain(unwritable.how);

    await t.call(t.admin, 'households.update', edit('复查备注'));
    expect((await t.call(t.admin, 'households.get', { id: householdId })).notes).toBe('复查备注');
    expect((await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇新增低保.xlsx', roster.data), purpose: 'initial_load' })).households).toBe(150);
  });
});

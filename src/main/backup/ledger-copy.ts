/**
 * Checks a copy of the ledger before anyone relies on it: it opens with the key, SQLite finds no damage,
 * the audit chain verifies from the first entry to the stored head, and its schema is one this program
 * knows. Used on a fresh backup before it is kept, and on a backup before it replaces the ledger.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';
import { migrations } from '../db/migrations';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedCopyReadOnly, wrapWithKysely, type OpenLedger } from '../db/open';
import { verifyAuditChain } from '../audit/audit.service';
import { backupRejected } from './backup-file';

export interface CopyFacts {
  migrations: string[];
  auditEntries: number;
}

export async function checkLedgerCopy(dbPath: string, key: Buffer): Promise<CopyFacts> {
  let raw;
  try {
    raw = openEncryptedCopyReadOnly(dbPath, key);
  } catch (err) {
    if (err instanceof AppError) throw backupRejected('foreign', '备份中的台账无法用本台账的密钥打开：它不是本台账的备份，或已损坏');
    throw err;
  }
  const open = wrapWithKysely(raw);
  try {
    return await checkOpenCopy(raw, open);
  } catch (err) {
    // A damaged page fails its authentication tag when read: SQLite reports it, we name it.
    const code = (err as { code?: unknown })?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) throw backupRejected('corrupt', '备份中的台账数据有损坏（加密页校验失败），不能使用');
    throw err;
  } finally {
    await open.close();
  }
}

async function checkOpenCopy(raw: Database.Database, open: OpenLedger): Promise<CopyFacts> {
  const problems = raw.pragma('integrity_check') as { integrity_check: string }[];
  if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
    throw backupRejected('corrupt', `备份中的台账数据有损坏（${problems[0]?.integrity_check ?? '完整性检查未通过'}），不能使用`);
  }
  const names = (raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const unknown = names.filter((n) => !(n in migrations));
  if (unknown.length > 0) throw backupRejected('newer', '备份来自更新版本的兜底，请先把本程序升级到同一版本再恢复');
  const chain = await verifyAuditChain(open.db);
  if (!chain.ok) throw backupRejected('corrupt', `备份中的审计记录不完整：${chain.problem}`);
  return { migrations: names, auditEntries: chain.checked };
}

/** Removes a temp copy and the journal files SQLite may have left beside it. */
export function removeCopy(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
}

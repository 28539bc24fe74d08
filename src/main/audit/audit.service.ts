/**
 * The audit log: every change (who, when, what, before/after) in the same transaction as the change,
 * each entry hash-chained to the previous one. `verifyAuditChain` finds an edited, inserted or deleted
 * entry, including deleted newest entries (checked against the stored head).
 */
import crypto from 'node:crypto';
import type { Executor } from '../db/schema';
import type { AuditLogTable } from '../db/tables/audit.table';
import { auditHead, auditSlice, insertAuditEntries } from './audit.repository';
import { yieldToEventLoop } from '../app/yield';

export interface Actor {
  userId: string | null;
  username: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system' };

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Why, as the clerk wrote it; required for edits of people and households. */
  reason?: string | null;
  /** The household whose timeline shows this entry. */
  householdId?: string | null;
}

const GENESIS = '0'.repeat(64);

function entryHash(row: Omit<AuditLogTable, 'hash'>): string {
  const fields: unknown[] = [
    row.seq,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ];
  // Reason and household came with migration 0003; entries without them hash as before.
  if (row.reason !== null || row.household_id !== null) fields.push(row.reason, row.household_id);
  const canonical = JSON.stringify(fields);
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const toJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one entry. Call inside the transaction that makes the change. */
export async function recordAudit(trx: Executor, actor: Actor, at: Date, record: AuditRecord): Promise<void> {
  await recordAuditBatch(trx, actor, at, [record]);
}

/** Appends many entries at once (bulk registration), chained in order, in batches. */
export async function recordAuditBatch(trx: Executor, actor: Actor, at: Date, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const head = await auditHead(trx);
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS;
  const rows: AuditLogTable[] = records.map((record) => {
    seq += 1;
    const row: Omit<AuditLogTable, 'hash'> = {
      seq,
      at: at.toISOString(),
      user_id: actor.userId,
      username: actor.username,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId ?? null,
      before_json: toJson(record.before),
      after_json: toJson(record.after),
      reason: record.reason ?? null,
      household_id: record.householdId ?? null,
      prev_hash: prev,
    };
    prev = entryHash(row);
    return { ...row, hash: prev };
  });
  await insertAuditEntries(trx, rows);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  problem: string | null;
}

export async function verifyAuditChain(
  db: Executor,
  onProgress?: (checked: number) => void,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  const head = await auditHead(db);
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  const fail = (seq: number, problem: string): VerifyResult => ({ ok: false, checked, brokenAtSeq: seq, problem });
  for (;;) {
    signal?.throwIfAborted();
    const slice = await auditSlice(db, expectedSeq - 1, 2000);
    if (slice.length === 0) break;
    for (const row of slice) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, `第 ${expectedSeq} 条审计记录缺失（已被删除）`);
      if (row.prev_hash !== prevHash) return fail(row.seq, `第 ${row.seq} 条审计记录与前一条衔接不上（前序记录被改动或删除）`);
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash) return fail(row.seq, `第 ${row.seq} 条审计记录的内容被改动`);
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked);
    await yieldToEventLoop();
  }
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== prevHash)) {
    return fail(lastSeq + 1, `最新的审计记录缺失：应有 ${head?.seq ?? 0} 条，实有 ${lastSeq} 条`);
  }
  return { ok: true, checked, brokenAtSeq: null, problem: null };
}

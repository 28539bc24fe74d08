/**
 * The audit log for inspectors (审计日志导出): the filtered entries, newest first, as a workbook with a
 * header block saying which county, what was asked, who exported it and when, whether the hash chain was
 * intact at that moment and which entry was its head. Only entries up to that head are written, so the
 * file is exactly what the verification covered. The workbook streams straight into the transport's sink
 * (the browser's one-time download in memory, the desktop's save dialog): snapshots may hold personal
 * data and never pass through a log or a temp file of ours. Every text cell goes through safeText. The
 * export is itself recorded, with its filter but without the searched text.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AuditFilter } from '../../shared/api/audit.schemas';
import type { FileDelivery } from '../../shared/api/contract';
import { auditActionLabel, auditEntityLabel, auditTargetLabel, auditWhoLabel, changedFields } from '../../shared/domain/audit';
import { chinaDateTime } from '../../shared/domain/china-time';
import { yieldToEventLoop } from '../app/yield';
import type { Executor, LedgerDb } from '../db/schema';
import { BORDER } from '../excel/roster-frame';
import { safeText } from '../excel/safe-cell';
import type { FileSink, FileToDeliver } from '../rpc/file-sink';
import { XLSX_MIME } from '../rpc/file-sink';
import { auditCount, auditHead, auditPage } from './audit.repository';
import { recordAudit, verifyAuditChain, type Actor, type VerifyResult } from './audit.service';

const BATCH = 2000;
/** Excel refuses cells longer than 32,767 characters. */
const CELL_MAX = 32_000;

const COLUMNS = [
  { header: '序号', width: 8 },
  { header: '时间（北京时间）', width: 20 },
  { header: '用户', width: 18 },
  { header: '操作', width: 20 },
  { header: '对象', width: 24 },
  { header: '对象编号', width: 28 },
  { header: '家庭编号', width: 28 },
  { header: '修改原因', width: 28 },
  { header: '改动的字段', width: 22 },
  { header: '改动前', width: 50 },
  { header: '改动后', width: 50 },
  { header: '校验值', width: 30 },
] as const;

export interface AuditExportContext {
  countyName: string;
  exportedBy: { username: string; displayName: string };
  /** The instant of the export. */
  at: Date;
  /** Account names, to show 王管理（admin） rather than admin. */
  displayNames: ReadonlyMap<string, string>;
}

/** The filter in words, for the header block: 全部记录 when nothing narrows it. */
export function describeAuditFilter(filter: AuditFilter, displayNames: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (filter.username) parts.push(`用户：${auditWhoLabel(filter.username, displayNames)}`);
  if (filter.actions?.length) parts.push(`操作：${filter.actions.map(auditActionLabel).join('、')}`);
  if (filter.entity) parts.push(`对象类别：${auditEntityLabel(filter.entity)}`);
  if (filter.recordId) parts.push(`对象编号：${filter.recordId}`);
  if (filter.from || filter.to) parts.push(`日期：${filter.from ?? '最早'} 至 ${filter.to ?? '今天'}`);
  if (filter.q) parts.push(`修改原因含“${filter.q}”`);
  return parts.length > 0 ? parts.join('；') : '全部记录';
}

export const verifyText = (v: VerifyResult) =>
  v.ok ? `完整：已校验 ${v.checked} 条，未发现篡改` : `不完整：${v.problem ?? '审计记录不完整'}${v.brokenAtSeq ? `（自第 ${v.brokenAtSeq} 条起的记录不可信）` : ''}`;

const json = (value: string | null) => {
  if (value === null) return null;
  return safeText(value.length > CELL_MAX ? `${value.slice(0, CELL_MAX)}…（超长，已截断）` : value);
};
const text = (value: string | null) => (value === null ? null : safeText(value));
const parse = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

interface Snapshot {
  verify: VerifyResult;
  head: { seq: number; hash: string };
  rows: number;
}

function auditWorkbookFile(db: Executor, filter: AuditFilter, context: AuditExportContext, snapshot: Snapshot, onRows: (written: number) => void): FileToDeliver {
  const stamp = chinaDateTime(context.at.toISOString());
  return {
    fileName: `${context.countyName}审计日志_${stamp.slice(0, 10).replaceAll('-', '')}.xlsx`.replace(/[\\/:*?"<>|]+/g, '_'),
    mimeType: XLSX_MIME,
    write: (out) => writeAuditWorkbook(out, db, filter, context, snapshot, stamp, onRows),
  };
}

async function writeAuditWorkbook(
  out: Writable,
  db: Executor,
  filter: AuditFilter,
  context: AuditExportContext,
  snapshot: Snapshot,
  stamp: string,
  onRows: (written: number) => void,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headerRowNumber = 8;
  const ws = wb.addWorksheet('审计日志', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRowNumber}:${headerRowNumber}` },
    views: [{ state: 'frozen', ySplit: headerRowNumber }],
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const width = COLUMNS.length;
  const { verify, head } = snapshot;
  const line = (value: string, style?: (cell: ExcelJS.Cell) => void) => {
    const row = ws.addRow([safeText(value)]);
    ws.mergeCells(row.number, 1, row.number, width);
    style?.(row.getCell(1));
    row.commit();
  };
  line(`${context.countyName}审计日志`, (c) => {
    c.font = { bold: true, size: 16 };
    c.alignment = { horizontal: 'center' };
  });
  line(`筛选条件：${describeAuditFilter(filter, context.displayNames)}`);
  line(`导出人：${context.exportedBy.displayName}（${context.exportedBy.username}）\u3000\u3000导出时间：${stamp}（北京时间）`);
  line(`导出时审计链校验：${verifyText(verify)}`, (c) => {
    c.font = { bold: true, color: { argb: verify.ok ? 'FF237804' : 'FFCF1322' } };
  });
  line(`导出时链头：第 ${head.seq} 条\u3000\u3000哈希：${head.hash}`);
  line(`符合条件的记录：${snapshot.rows} 条（截至第 ${head.seq} 条，按序号从新到旧排列）`);
  ws.addRow([]).commit();
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  header.commit();

  // One style object shared by every data cell: exceljs registers it once.
  const style: Partial<ExcelJS.Style> = { border: BORDER, alignment: { vertical: 'top', wrapText: true } };
  let written = 0;
  let before = head.seq + 1;
  for (;;) {
    const batch = await auditPage(db, filter, { beforeSeq: before, limit: BATCH });
    if (batch.length === 0) break;
    for (const r of batch) {
      const entry = { entity: r.entity, before: parse(r.before_json), after: parse(r.after_json) };
      const row = ws.addRow([
        r.seq,
        chinaDateTime(r.at),
        text(auditWhoLabel(r.username, context.displayNames)),
        text(auditActionLabel(r.action)),
        text(auditTargetLabel(entry)),
        text(r.entity_id),
        text(r.household_id),
        text(r.reason),
        text(changedFields(entry.before, entry.after).join('、') || null),
        json(r.before_json),
        json(r.after_json),
        r.hash,
      ]);
      for (let i = 1; i <= width; i++) row.getCell(i).style = style;
      row.commit();
    }
    written += batch.length;
    before = batch[batch.length - 1]!.seq;
    onRows(written);
    await yieldToEventLoop();
  }
  await ws.commit();
  await wb.commit();
  return written;
}

export interface AuditExportJob {
  progress(done: number, total: number, message?: string): void;
  signal?: AbortSignal;
}

/**
 * Verifies the chain, then delivers the filtered entries up to the head it found; once delivered (not
 * cancelled in a save dialog), records the export.
 */
export async function exportAuditLog(db: LedgerDb, sink: FileSink, actor: Actor, filter: AuditFilter, context: AuditExportContext, job: AuditExportJob): Promise<FileDelivery> {
  const head = (await auditHead(db)) ?? { seq: 0, hash: '0'.repeat(64) };
  const total = await auditCount(db);
  const verify = await verifyAuditChain(db, (checked) => job.progress(checked, total, '正在校验审计链'), job.signal);
  const rows = await auditCount(db, filter, head.seq);
  const file = auditWorkbookFile(db, filter, context, { verify, head, rows }, (written) => {
    job.signal?.throwIfAborted();
    job.progress(written, rows, '正在写入表格');
  });
  const delivery = await sink.deliver(file);
  if (delivery.kind === 'cancelled') return delivery;
  const { q, ...asked } = filter;
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, context.at, {
      action: 'audit.export',
      entity: 'audit_log',
      // The searched text may name a person: only that there was one is kept.
      after: { filter: { ...asked, ...(q ? { reasonText: '（已填写，内容不记录）' } : {}) }, rows: delivery.rows, headSeq: head.seq, chainOk: verify.ok },
    }),
  );
  return delivery;
}

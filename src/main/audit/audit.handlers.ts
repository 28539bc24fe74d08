import type { HandlerGroup } from '../rpc/context';
import { auditCount, auditPage } from './audit.repository';
import { verifyAuditChain } from './audit.service';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.verify'> = {
  'audit.list': async (input, ctx) => {
    const rows = await auditPage(ctx.db, input.beforeSeq, input.limit);
    return {
      total: await auditCount(ctx.db),
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
      })),
    };
  },
  'audit.verify': async (_input, ctx) => {
    const total = await auditCount(ctx.db);
    return verifyAuditChain(ctx.db, (checked) => ctx.progress(checked, total, '正在校验审计记录'), ctx.signal);
  },
};

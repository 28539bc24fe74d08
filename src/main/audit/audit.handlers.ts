import { AppError } from '../../shared/api/errors';
import type { HandlerGroup } from '../rpc/context';
import { loadSettings } from '../settings/settings.service';
import { listUserRows } from '../users/users.repository';
import { exportAuditLog } from './audit-export';
import { auditCount, auditPage } from './audit.repository';
import { verifyAuditChain } from './audit.service';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': async (input, ctx) => {
    const { beforeSeq, page, limit, ...filter } = input;
    const rows = await auditPage(ctx.db, filter, { beforeSeq, offset: page ? (page - 1) * limit : undefined, limit });
    return {
      total: await auditCount(ctx.db, filter),
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
        reason: r.reason,
        householdId: r.household_id,
      })),
    };
  },
  'audit.verify': async (_input, ctx) => {
    const total = await auditCount(ctx.db);
    return verifyAuditChain(ctx.db, (checked) => ctx.progress(checked, total, '正在校验审计记录'), ctx.signal);
  },
  'audit.export': async (input, ctx) => {
    if (!ctx.session.files) throw new AppError('INTERNAL', '当前连接不支持导出文件');
    const [{ county }, users] = await Promise.all([loadSettings(ctx.db), listUserRows(ctx.db)]);
    const context = {
      countyName: county.name,
      exportedBy: { username: ctx.user.username, displayName: ctx.user.displayName },
      at: ctx.backend.clock.now(),
      displayNames: new Map(users.map((u) => [u.username, u.display_name])),
    };
    return exportAuditLog(ctx.db, ctx.session.files, ctx.actor, input, context, { progress: ctx.progress, signal: ctx.signal });
  },
};

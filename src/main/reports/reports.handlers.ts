import { AppError } from '../../shared/api/errors';
import { toIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup, UserContext } from '../rpc/context';
import { computeReport, drillDown, submitReport, type ReportViewer } from './reports.service';
import { reportWorkbookFile } from './report-workbook';
import { trends } from './trends';

const reportViewer = (ctx: UserContext): ReportViewer => ({ role: ctx.user.role, scope: ctx.scope, today: toIsoDate(ctx.backend.clock.now()) });

export const reportsHandlers: HandlerGroup<'reports.compute' | 'reports.drill' | 'reports.submit' | 'reports.export' | 'reports.trends'> = {
  'reports.compute': (input, ctx) => computeReport(ctx.db, input, reportViewer(ctx)),
  'reports.drill': (input, ctx) => drillDown(ctx.db, input, reportViewer(ctx)),
  'reports.submit': (input, ctx) => submitReport(ctx.db, ctx.actor, ctx.backend.clock.now(), input, reportViewer(ctx)),
  'reports.export': async (input, ctx) => {
    if (!ctx.session.files) throw new AppError('INTERNAL', '当前连接不支持导出文件');
    const viewer = reportViewer(ctx);
    const result = await computeReport(ctx.db, input, viewer);
    return ctx.session.files.deliver(reportWorkbookFile(result, ctx.user.displayName, viewer.today));
  },
  'reports.trends': (_input, ctx) => trends(ctx.db, ctx.scope, toIsoDate(ctx.backend.clock.now())),
};

import { AppError } from '../../shared/api/errors';
import { toIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup, UserContext } from '../rpc/context';
import { viewerOf } from '../ledger/viewer';
import { findTownship } from '../regions/regions.repository';
import { loadSettings } from '../settings/settings.service';
import { programRosterFile, templateFile } from '../exports/program-roster';
import { addRegions } from './add-regions';
import { analyzeUpload, commitUpload, importHistory, previewImport, uploadOf } from './imports.service';
import { problemsWorkbookFile } from './problems-workbook';
import { differencesWorkbookFile } from './differences-workbook';
import { undoBatch } from './undo';

function filesOf(ctx: UserContext) {
  if (!ctx.session.files) throw new AppError('INTERNAL', '当前连接不支持导出文件');
  return ctx.session.files;
}

async function rosterMeta(ctx: UserContext, townshipId: string | null) {
  const township = townshipId ? await findTownship(ctx.db, townshipId) : undefined;
  const { county } = await loadSettings(ctx.db);
  return { countyName: county.name, townshipName: township?.name ?? null, preparedBy: ctx.user.displayName, today: toIsoDate(ctx.backend.clock.now()) };
}

export const importsHandlers: HandlerGroup<
  | 'imports.preview'
  | 'imports.problemsWorkbook'
  | 'imports.differencesWorkbook'
  | 'imports.commit'
  | 'imports.addRegions'
  | 'imports.discard'
  | 'imports.history'
  | 'imports.undo'
  | 'exports.template'
  | 'exports.programRoster'
> = {
  'imports.preview': (input, ctx) => previewImport(ctx, input),
  'imports.problemsWorkbook': async (input, ctx) => {
    const upload = uploadOf(ctx, input.uploadId);
    const { grid, analysis } = await analyzeUpload(ctx.db, upload, input, ctx.scope, toIsoDate(ctx.backend.clock.now()), ctx.signal);
    return filesOf(ctx).deliver(problemsWorkbookFile(grid.sheets[analysis.sheetIndex]!, analysis, upload.fileName));
  },
  'imports.differencesWorkbook': async (input, ctx) => {
    const upload = uploadOf(ctx, input.uploadId);
    const { analysis } = await analyzeUpload(ctx.db, upload, input, ctx.scope, toIsoDate(ctx.backend.clock.now()), ctx.signal);
    return filesOf(ctx).deliver(differencesWorkbookFile(analysis, upload.fileName));
  },
  'imports.commit': (input, ctx) => commitUpload(ctx, input),
  'imports.addRegions': async (input, ctx) => {
    const upload = uploadOf(ctx, input.uploadId);
    const { analysis } = await analyzeUpload(ctx.db, upload, input, ctx.scope, toIsoDate(ctx.backend.clock.now()), ctx.signal);
    return addRegions(ctx.db, ctx.actor, ctx.backend.clock.now(), analysis.check.unknownRegions);
  },
  'imports.discard': async (input, ctx) => {
    ctx.session.uploads.delete(input.uploadId);
    return { ok: true };
  },
  'imports.history': (_input, ctx) => importHistory(ctx.db, ctx.scope),
  'imports.undo': async (input, ctx) => {
    await undoBatch(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, ctx.user.role, input.batchId);
    return { ok: true };
  },
  'exports.template': async (input, ctx) => filesOf(ctx).deliver(templateFile(input.program, await rosterMeta(ctx, ctx.scope.kind === 'township' ? ctx.scope.townshipId : null))),
  'exports.programRoster': async (input, ctx) => {
    const townshipId = input.townshipId ?? (ctx.scope.kind === 'township' ? ctx.scope.townshipId : null);
    return filesOf(ctx).deliver(programRosterFile(ctx.db, viewerOf(ctx), input.program, townshipId, await rosterMeta(ctx, townshipId)));
  },
};

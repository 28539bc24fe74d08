import { AppError } from '../../shared/api/errors';
import type { HandlerGroup } from '../rpc/context';
import { createInitialEnrollment } from '../enrollments/enrollments.service';
import { rosterFile } from '../exports/roster.service';
import { findTownship } from '../regions/regions.repository';
import { loadSettings } from '../settings/settings.service';
import { listStandards, saveStandard } from '../standards/standards.service';
import { ageEvents, listLedger } from './ledger.service';
import { viewerOf } from './viewer';

export const ledgerHandlers: HandlerGroup<'ledger.list' | 'ageEvents.list' | 'exports.roster' | 'enrollments.createInitial' | 'standards.list' | 'standards.save'> = {
  'ledger.list': async (input, ctx) => {
    const { page, pageSize, ...filter } = input;
    return listLedger(ctx.db, viewerOf(ctx), filter, page, pageSize);
  },
  'ageEvents.list': async (input, ctx) => ageEvents(ctx.db, viewerOf(ctx), input.withinDays, input.townshipId),
  'exports.roster': async (input, ctx) => {
    if (!ctx.session.files) throw new AppError('INTERNAL', '当前连接不支持导出文件');
    const townshipId = input.townshipId ?? (ctx.scope.kind === 'township' ? ctx.scope.townshipId : undefined);
    const township = townshipId ? await findTownship(ctx.db, townshipId) : undefined;
    const { county } = await loadSettings(ctx.db);
    const file = rosterFile(ctx.db, viewerOf(ctx), input, { countyName: county.name, townshipName: township?.name ?? null, preparedBy: ctx.user.displayName });
    return ctx.session.files.deliver(file);
  },
  'enrollments.createInitial': async (input, ctx) => ({ id: await createInitialEnrollment(ctx.db, ctx.actor, ctx.backend.clock.now(), ctx.scope, input) }),
  'standards.list': async (_input, ctx) => listStandards(ctx.db),
  'standards.save': async (input, ctx) => saveStandard(ctx.db, ctx.actor, ctx.backend.clock.now(), input),
};

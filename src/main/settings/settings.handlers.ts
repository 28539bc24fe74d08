import type { HandlerGroup } from '../rpc/context';
import { loadSettings, updateSettings } from './settings.service';

export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.update'> = {
  'settings.get': async (_input, ctx) => {
    const s = await loadSettings(ctx.db);
    return { county: s.county, idleLockMinutes: s.idleLockMinutes };
  },
  'settings.update': async (input, ctx) => {
    const s = await updateSettings(ctx.db, ctx.actor, ctx.backend.clock.now(), input);
    ctx.session.idleLockMinutes = s.idleLockMinutes;
    return { county: s.county, idleLockMinutes: s.idleLockMinutes };
  },
};

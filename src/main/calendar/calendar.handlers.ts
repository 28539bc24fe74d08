import type { HandlerGroup } from '../rpc/context';
import { calendarYear, saveCalendarDay } from './calendar.service';

export const calendarHandlers: HandlerGroup<'calendar.year' | 'calendar.saveDay'> = {
  'calendar.year': async (input, ctx) => calendarYear(ctx.db, input.year),
  'calendar.saveDay': async (input, ctx) => {
    await saveCalendarDay(ctx.db, ctx.actor, ctx.backend.clock.now(), input);
    return { ok: true };
  },
};

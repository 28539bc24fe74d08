/** The one source of "now" for the backend, so tests and the demo can fix or move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * A clock read from a file holding an ISO instant (end-to-end tests move it to let a 7-day notice run);
 * only `doudi serve` and `doudi demo` with DOUDI_CLOCK_FILE set use it. Without the file, the system clock.
 */
export function fileClock(path: string, read: (path: string) => string | null): Clock {
  return {
    now: () => {
      const text = read(path);
      const at = text ? new Date(text.trim()) : null;
      return at && !Number.isNaN(at.getTime()) ? at : new Date();
    },
  };
}

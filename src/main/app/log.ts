/**
 * The backend's log. It carries codes, method names and references, never personal data: callers pass
 * no names, ID numbers or free text from records, and error messages are reduced to their class.
 */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, err: unknown, fields?: Record<string, string | number | boolean | null>): void;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    // Stacks name code locations; messages of driver errors may quote data, so only the first stack
    // line's class and the frames are kept.
    const frames = (err.stack ?? '').split('\n').slice(1, 8).map((l) => l.trim());
    const code = (err as { code?: unknown }).code;
    return `${err.name}${typeof code === 'string' ? `(${code})` : ''} ${frames.join(' | ')}`;
  }
  return typeof err;
}

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string, event: string, fields?: object, extra?: string) =>
    stream.write(`${new Date().toISOString()} ${level} ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}${extra ? ` ${extra}` : ''}\n`);
  return {
    info: (event, fields) => line('INFO', event, fields),
    error: (event, err, fields) => line('ERROR', event, fields, describe(err)),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };

/** For command-line tools: only errors reach the terminal. */
export function errorsOnly(inner: Logger): Logger {
  return { info: () => {}, error: inner.error };
}

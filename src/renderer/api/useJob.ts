/**
 * A long call as a job (verifying the audit chain, a big export): it carries a job id, so progress arrives
 * as events and the user can cancel; leaving the page cancels it too, unless `cancelOnLeave` is false (an
 * import the clerk started should finish). Errors go to the one error handler.
 */
import { useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { isApiError } from './api-error';
import { call, newJobId, subscribe } from './client';
import { reportError } from './errors';

export interface JobProgress {
  done: number;
  total: number;
  message: string | null;
}

/** How a job ended; undefined when it failed (the error is already reported). */
export type JobOutcome<T> = { kind: 'done'; data: T } | { kind: 'cancelled' } | undefined;

export function useJob<M extends MethodName>(method: M, { cancelOnLeave = true }: { cancelOnLeave?: boolean } = {}) {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress>({ done: 0, total: 0, message: null });
  const jobIdRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (cancelOnLeave && jobIdRef.current) void call('jobs.cancel', { jobId: jobIdRef.current }).catch(() => undefined);
    },
    [cancelOnLeave],
  );

  const run = async (input: MethodInput<M>): Promise<JobOutcome<MethodOutput<M>>> => {
    const id = newJobId();
    jobIdRef.current = id;
    setRunning(true);
    setProgress({ done: 0, total: 0, message: null });
    const off = subscribe((event) => {
      if (event.type === 'progress' && event.jobId === id) setProgress({ done: event.done, total: event.total, message: event.message ?? null });
    });
    try {
      return { kind: 'done', data: await call(method, input, { jobId: id }) };
    } catch (err) {
      if (isApiError(err, 'CANCELLED')) return { kind: 'cancelled' };
      reportError(err);
      return undefined;
    } finally {
      off();
      jobIdRef.current = null;
      setRunning(false);
    }
  };

  const cancel = () => {
    const id = jobIdRef.current;
    if (id) call('jobs.cancel', { jobId: id }).catch((err: unknown) => reportError(err));
  };

  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return { run, cancel, running, progress, percent };
}

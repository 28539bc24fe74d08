/**
 * Lets the event loop breathe inside long work: the SQLite driver is synchronous, so without this a
 * long job's progress events and a cancel request would only be handled once the job had finished.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

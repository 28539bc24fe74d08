/**
 * The worker thread a large roster is read in (worker-roster.ts starts it): it opens the file and answers
 * the analysis's requests with a RosterReading, households in chunks a few ahead of the chunk the main
 * thread is checking and writing, so neither waits on the other and memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openFile } from '../read/read-file';
import { ImportRefusal } from '../read/refusal';
import { unpackRanges } from '../read/merged-ranges';
import { RosterReading } from './roster-source';
import type { FromWorker, ToWorker, WorkerInput } from './worker-messages';

/** Chunks posted before the main thread has taken them. */
const AHEAD = 3;

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
let credits = AHEAD;
let creditGiven: (() => void) | null = null;

async function serve(reading: RosterReading, message: Exclude<ToWorker, { kind: 'more' }>): Promise<void> {
  if (message.kind === 'head') {
    const { scan } = message;
    post({ kind: 'head', head: await reading.head(message.sheetIndex, scan && { ...scan, merges: unpackRanges(scan.merges) }) });
    return;
  }
  for await (const chunk of reading.households(message.request)) {
    while (credits === 0) await new Promise<void>((resolve) => (creditGiven = resolve));
    credits -= 1;
    post({ kind: 'chunk', chunk });
  }
}

const failed = (err: unknown) =>
  post({ kind: 'failed', refusal: err instanceof ImportRefusal ? err.code : null, message: err instanceof Error ? err.message : String(err) });

const { data, fileName } = workerData as WorkerInput;
const opened = openFile(Buffer.from(data.buffer, data.byteOffset, data.byteLength), fileName).then((file) => new RosterReading(file));
opened.then((reading) => post({ kind: 'opened', sheetCount: reading.sheetCount }), failed);
// Requests come one at a time (the main thread awaits each answer); credits come while a read runs.
port.on('message', (message: ToWorker) => {
  if (message.kind === 'more') {
    credits += 1;
    creditGiven?.();
    creditGiven = null;
    return;
  }
  opened.then((reading) => serve(reading, message)).catch(failed);
});

/**
 * A roster for a commit: a large file is read in a worker thread (roster-worker.ts), so that the main
 * thread checks and writes one chunk of households while the worker reads the next; a small one is read
 * here, where starting a thread would cost more than it saves.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExcelDate, type CellValue } from '../read/grid';
import { openFile } from '../read/read-file';
import { packRanges } from '../read/merged-ranges';
import { scanFirstSheet, type SheetScan } from '../read/xlsx-reader';
import { isZip } from '../read/zip-archive';
import { ImportRefusal } from '../read/refusal';
import { RosterReading, type HouseholdChunk, type ReadRequest, type RosterSource, type SheetHead } from './roster-source';
import type { FromWorker, ToWorker, WorkerInput } from './worker-messages';

/**
 * The reader thread's young generation, in MB. The reader makes short-lived strings and cells all the time;
 * with V8's default (up to 48 MB) a 100,000-row 建账 peaked some 40 MB higher. Collected
 * more often, it costs processor time on its own thread, which is not the one the 建账 waits on.
 */
const YOUNG_GENERATION_MB = 8;

/** Files from this size on are read in a worker thread (some 10,000 rows of a roster). */
export const THREAD_FROM_BYTES = 1024 * 1024;

export async function rosterOf(data: Buffer, fileName: string, signal?: AbortSignal, threadFromBytes = THREAD_FROM_BYTES): Promise<RosterSource> {
  if (data.length < threadFromBytes) return new RosterReading(await openFile(data, fileName, signal));
  const roster = new WorkerRoster({ data, fileName }, signal);
  await roster.opened;
  return roster;
}

/**
 * The worker's script lies beside this module, with its extension: TypeScript run through tsx (tests,
 * the command line), or JavaScript where both are bundled (the app's main process, the bench), each
 * bundle building it as an entry of its own.
 */
function startWorker(input: WorkerInput): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const script = path.join(path.dirname(here), `roster-worker${ext}`);
  const viaTsx = ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx'));
  return new Worker(script, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, ...(viaTsx ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}) });
}

/**
 * The reading thread takes some 0.1–0.15 s to start and load its code, and a sheet's first pass (scanSheet:
 * all of it inflated for the merged ranges written after the rows) as long again, while this thread waits
 * for the first households. So this thread makes the first sheet's first pass meanwhile and hands it over
 * with the request for that sheet's head.
 */
class WorkerRoster implements RosterSource {
  sheetCount = 0;
  readonly opened: Promise<void>;
  private readonly worker: Worker;
  /** The first sheet's first pass, made here; null where it could not be (the worker then says why). */
  private readonly firstScan: Promise<SheetScan | null>;
  /** Stops that pass once the roster is closed or has failed before it was needed. */
  private readonly scanStop = new AbortController();
  private readonly inbox: FromWorker[] = [];
  private waiting: { resolve: (m: FromWorker) => void; reject: (err: unknown) => void } | null = null;
  private failure: unknown = null;

  constructor(input: WorkerInput, signal?: AbortSignal) {
    this.worker = startWorker(input);
    const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
    const stop = signal ? AbortSignal.any([signal, this.scanStop.signal]) : this.scanStop.signal;
    this.firstScan = isZip(data) ? scanFirstSheet(data, stop).catch(() => null) : Promise.resolve(null);
    this.worker.on('message', (m: FromWorker) => {
      if (this.waiting) this.settle((w) => w.resolve(m));
      else this.inbox.push(m);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`读取表格的线程意外退出（${code}）`)));
    const abort = () => this.fail(signal!.reason);
    signal?.addEventListener('abort', abort, { once: true });
    this.worker.once('exit', () => signal?.removeEventListener('abort', abort));
    this.opened = this.next('opened').then((m) => void (this.sheetCount = m.sheetCount));
  }

  async head(sheetIndex: number): Promise<SheetHead> {
    const scan = sheetIndex === 0 ? await this.firstScan : null;
    const given = scan ? { ...scan, merges: packRanges(scan.merges) } : undefined;
    this.send({ kind: 'head', sheetIndex, scan: given }, given ? [given.merges.buffer] : []);
    const { head } = await this.next('head');
    return { ...head, rows: head.rows.map((r) => ({ number: r.number, cells: r.cells.map(revive) })) };
  }

  async *households(request: ReadRequest): AsyncGenerator<HouseholdChunk> {
    this.send({ kind: 'read', request });
    for (;;) {
      const { chunk } = await this.next('chunk');
      yield chunk;
      if (chunk.heldBackLate) return;
      this.send({ kind: 'more' });
    }
  }

  close(): void {
    this.fail(new Error('已关闭'));
  }

  /** `transfer`: buffers handed over rather than copied. */
  private send(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** The worker's next answer, which must be of this kind (or its failure, thrown here). */
  private async next<K extends FromWorker['kind']>(kind: K): Promise<Extract<FromWorker, { kind: K }>> {
    const m = this.inbox.shift() ?? (await this.nextMessage());
    if (m.kind === 'failed') throw m.refusal ? new ImportRefusal(m.refusal, m.message) : new Error(m.message);
    if (m.kind !== kind) throw new Error(`读取表格的线程答非所问：${m.kind}，应为 ${kind}`);
    return m as Extract<FromWorker, { kind: K }>;
  }

  private nextMessage(): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private settle(how: (w: NonNullable<WorkerRoster['waiting']>) => void): void {
    const w = this.waiting!;
    this.waiting = null;
    how(w);
  }

  /** Ends the worker; whoever waits on it gets the reason. */
  private fail(reason: unknown): void {
    if (this.failure) return;
    this.failure = reason;
    this.scanStop.abort();
    void this.worker.terminate();
    if (this.waiting) this.settle((w) => w.reject(reason));
  }
}

/** A date cell crosses to this thread as a plain object: it is made a date again. */
function revive(cell: CellValue): CellValue {
  return cell !== null && typeof cell === 'object' && !(cell instanceof ExcelDate) ? new ExcelDate((cell as { iso: string }).iso) : cell;
}

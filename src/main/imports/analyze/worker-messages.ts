/** What the main thread and a roster's worker thread (roster-worker.ts) say to each other. */
import type { RefusalCode } from '../read/refusal';
import type { SheetScan } from '../read/xlsx-reader';
import type { HouseholdChunk, ReadRequest, SheetHead } from './roster-source';

/** Given to the worker as it starts: the uploaded file. */
export interface WorkerInput {
  data: Uint8Array;
  fileName: string;
}

/** A sheet's first pass made on the main thread, its merged ranges packed (packRanges). */
export type ScanGiven = Omit<SheetScan, 'merges'> & { merges: Int32Array };

/** A request, one at a time; `more` is a credit for one chunk more while a read runs. */
export type ToWorker = { kind: 'head'; sheetIndex: number; scan?: ScanGiven } | { kind: 'read'; request: ReadRequest } | { kind: 'more' };

export type FromWorker =
  | { kind: 'opened'; sheetCount: number }
  | { kind: 'head'; head: SheetHead }
  | { kind: 'chunk'; chunk: HouseholdChunk }
  | { kind: 'failed'; refusal: RefusalCode | null; message: string };

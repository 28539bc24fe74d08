/**
 * A roster as the analysis reads it: the head of a sheet (its first rows, merged ranges and hidden
 * columns: where the header is looked for), then that sheet's households under the header, in chunks,
 * with the problems found reading them. RosterReading reads on the calling thread; a commit reads in a
 * worker thread (worker-roster.ts) that runs the same RosterReading, so the ledger is written while later
 * rows are still being read.
 */
import { nameInitials } from '../../households/search-keys';
import { HEAD_ROWS, DataRowReader, type SheetHeader } from '../layout/layout';
import { cellText } from '../layout/cell-text';
import type { Grid, GridRow, GridSheet } from '../read/grid';
import { openedGrid, type OpenedFile } from '../read/read-file';
import type { SheetScan, SheetStream } from '../read/xlsx-reader';
import { RowParser, type ParseOptions } from './parse-rows';
import { ProblemLog } from './problem-log';
import type { ParsedHousehold, Problem } from './types';

export interface SheetHead extends Omit<GridSheet, 'rows'> {
  /** The sheet's first rows (HEAD_ROWS of them, or all a shorter sheet has). */
  rows: GridRow[];
  /** The rows the sheet holds (a few more than its persons). */
  rowCount: number;
}

export interface ReadRequest {
  sheetIndex: number;
  header: SheetHeader;
  parse: ParseOptions;
  /** Households a full chunk holds (the first ones hold fewer: firstChunk). */
  chunkHouseholds: number;
  /** Work out each person's pinyin initials while reading (a 建账 stores them as a search key). */
  searchKeys?: boolean;
}

export interface HouseholdChunk {
  households: ParsedHousehold[];
  /** The problems found since the previous chunk. */
  problems: Problem[];
  /** In the chunk that completes them, or the last: the first data rows' cell texts (what the preview shows of each column). */
  samples?: string[][];
  /** In the first chunk: household cells are merged down under the header (DataRowReader.hasMergedBlocks). */
  mergedBlocks?: boolean;
  /** In the last chunk: households read before that a finding of the whole ID column holds back, by first row. */
  heldBackLate?: number[];
}

export interface RosterSource {
  readonly sheetCount: number;
  head(sheetIndex: number): Promise<SheetHead>;
  /** The sheet's households in chunks, the last one marked by `heldBackLate`; read once per source. */
  households(request: ReadRequest): AsyncIterable<HouseholdChunk>;
  close(): void;
}

/** Data rows the preview takes its samples from. */
const SAMPLE_ROWS = 200;

/** A roster read on this thread, from a file opened as streams (read-file). */
export class RosterReading implements RosterSource {
  private readonly opened = new Map<number, { stream: SheetStream; head: GridRow[][] }>();

  constructor(private readonly file: OpenedFile) {}

  get sheetCount(): number {
    return this.file.sheets.length;
  }

  /**
   * Opens the sheet and reads runs until its head is in; they are read again, first, by `households`. With
   * `scan`, the sheet's first pass made elsewhere, it is not made again.
   */
  async head(sheetIndex: number, scan?: SheetScan): Promise<SheetHead> {
    const { stream, head } = await this.open(sheetIndex, scan);
    let count = head.reduce((n, run) => n + run.length, 0);
    while (count < HEAD_ROWS) {
      const next = await stream.runs.next();
      if (next.done) break;
      head.push(next.value);
      count += next.value.length;
    }
    const { runs: _rows, ...frame } = stream;
    const rows = head.flat().slice(0, HEAD_ROWS);
    // The header is looked for in these rows: the ranges below them (a roster's household blocks) stay here.
    const last = rows.at(-1)?.number ?? 0;
    return { ...frame, merges: frame.merges.filter((m) => m.top <= last), rows };
  }

  async *households(request: ReadRequest): AsyncGenerator<HouseholdChunk> {
    const opened = await this.open(request.sheetIndex);
    const { stream, head } = opened;
    const reader = new DataRowReader(request.header, stream.merges);
    // The reader lets each range go once its rows have passed: nothing else here may hold them.
    opened.stream = { ...stream, merges: [] };
    const log = new ProblemLog();
    const parser = new RowParser({ columns: request.header.columns, mergedBlocks: reader.hasMergedBlocks }, request.parse, log);
    let households: ParsedHousehold[] = [];
    let reported = 0;
    let first = true;
    let size = firstChunk(request.chunkHouseholds);
    const samples: string[][] = [];
    let samplesSent = false;
    const chunk = (last = false): HouseholdChunk => {
      const out: HouseholdChunk = { households, problems: log.list.slice(reported) };
      if (first) out.mergedBlocks = reader.hasMergedBlocks;
      // Once they are all read (the chunk goes to another thread as a copy, not as this array).
      if (!samplesSent && (samples.length === SAMPLE_ROWS || last)) {
        out.samples = samples;
        samplesSent = true;
      }
      if (request.searchKeys) for (const h of households) for (const m of h.members) m.nameInitials = nameInitials(m.name);
      reported = log.list.length;
      households = [];
      first = false;
      return out;
    };
    const runs = async function* () {
      yield* head;
      yield* stream.runs;
    };
    for await (const run of runs()) {
      for (const row of run) {
        const r = reader.read(row);
        if (!r) continue;
        if (samples.length < SAMPLE_ROWS) samples.push(r.cells.map((c) => cellText(c)));
        const completed = parser.push(r);
        if (!completed) continue;
        households.push(completed);
        if (households.length < size) continue;
        yield chunk();
        size = Math.min(size * 2, request.chunkHouseholds);
      }
    }
    const { last, heldBackLate } = parser.finish();
    if (last) households.push(last);
    yield { ...chunk(true), heldBackLate: heldBackLate.map((h) => h.firstRow) };
  }

  close(): void {
    for (const { stream } of this.opened.values()) void stream.runs.return(undefined);
    this.opened.clear();
  }

  private async open(sheetIndex: number, scan?: SheetScan): Promise<{ stream: SheetStream; head: GridRow[][] }> {
    let opened = this.opened.get(sheetIndex);
    if (!opened) {
      const sheet = this.file.sheets[sheetIndex];
      if (!sheet) throw new RangeError(`no sheet ${sheetIndex}`);
      opened = { stream: await sheet.open(scan), head: [] };
      this.opened.set(sheetIndex, opened);
    }
    return opened;
  }
}

/**
 * The first chunk's households: a sixteenth of a full chunk, each next one twice the last, so that the
 * thread checking and writing them starts after a few dozen households, not a full chunk's.
 */
const firstChunk = (full: number) => Math.max(1, Math.floor(full / 16));

/** A roster already read into memory (the preview keeps the upload's grid for the clerk's next try). */
export function gridRoster(grid: Grid): RosterSource {
  return new RosterReading(openedGrid(grid));
}

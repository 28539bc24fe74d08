/**
 * What every reader produces: the sheets of a file as rows of plain cell values, with the merged ranges
 * and hidden columns the layout detection needs. Empty rows are not kept.
 */
export type CellValue = string | number | boolean | ExcelDate | null;

/** A cell Excel formats as a date: kept as its calendar date, never as a serial number. */
export class ExcelDate {
  constructor(readonly iso: string) {}
  toString(): string {
    return this.iso;
  }
}

export interface GridRow {
  /** The row number as the spreadsheet shows it (1-based). */
  number: number;
  cells: CellValue[];
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  rows: GridRow[];
  merges: MergeRange[];
  /** 0-based column indexes hidden in the sheet. */
  hiddenColumns: number[];
  columnWidths: (number | undefined)[];
}

export interface Grid {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV was read in (UTF-8, GB18030 …). */
  encoding?: string;
  sheets: GridSheet[];
}

/** Limits that keep a hostile or broken file from exhausting memory. */
export const GRID_LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxXmlBytes: 1024 * 1024 * 1024,
  maxRows: 300_000,
  maxColumns: 200,
  /** A longer cell is cut here and flagged by validation. */
  maxCellChars: 2000,
};

/** The column of a cell reference (`AB12`: 27) from its leading capital letters; undefined without any. */
export const refColumn = (ref: string): number | undefined => columnIn(ref, 0, ref.length);

/** refColumn of the reference from `from` to `to` in a longer text, read in place. */
export function columnIn(text: string, from: number, to: number): number | undefined {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return i === from ? undefined : n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}


/**
 * A sheet's merged ranges, read from the bytes after its rows (<mergeCells>). A roster merges every household
 * cell, 180,000 ranges in 100,000 rows, so they are read byte by byte in one loop: a string, an attribute
 * object and two regular expressions a range took a third of a second, a search call per tag and quote
 * still a tenth.
 */
import type { MergeRange } from './grid';

const MERGE_CELL = Buffer.from('<mergeCell');
const REF = Buffer.from('ref');

/** The ranges of the <mergeCell ref="…"/> tags in the bytes (not <mergeCells>, which holds them); damaged ones are left out. */
export function mergeRanges(bytes: Uint8Array): MergeRange[] {
  const merges: MergeRange[] = [];
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] !== 60 /* < */ || !startsWith(bytes, i, MERGE_CELL) || !isSpaceByte(bytes[i + MERGE_CELL.length]!)) {
      i++;
      continue;
    }
    i += MERGE_CELL.length;
    // The tag's attributes up to its end, the ref among them (another attribute may end in "ref").
    let value: { from: number; to: number } | null = null;
    for (; i < bytes.length && bytes[i] !== 62 /* > */; i++) {
      if (bytes[i] === 34 || bytes[i] === 39) i = closing(bytes, i);
      else if (value === null && isSpaceByte(bytes[i]!) && startsWith(bytes, i + 1, REF)) value = quoted(bytes, i + 1 + REF.length);
    }
    const range = value && rangeIn(bytes, value.from, value.to);
    if (range) merges.push(range);
  }
  return merges;
}

const startsWith = (bytes: Uint8Array, at: number, word: Uint8Array) => {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
};

/** Where the quoted text opened at `at` closes (the end of the bytes when it does not). */
function closing(bytes: Uint8Array, at: number): number {
  let i = at + 1;
  while (i < bytes.length && bytes[i] !== bytes[at]) i++;
  return i;
}

/** The bounds of the value after an attribute's name (`="…"`, with spaces around = allowed), or null. */
function quoted(bytes: Uint8Array, at: number): { from: number; to: number } | null {
  let i = at;
  while (isSpaceByte(bytes[i]!)) i++;
  if (bytes[i] !== 61 /* = */) return null;
  i++;
  while (isSpaceByte(bytes[i]!)) i++;
  if (bytes[i] !== 34 && bytes[i] !== 39) return null;
  const close = closing(bytes, i);
  return close < bytes.length ? { from: i + 1, to: close } : null;
}

const isSpaceByte = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** The range reference (`A3:A6`, `$A$3:$A$6`, or one cell `A3`) in the bytes from `from` to `to` as its corners, or null. */
function rangeIn(bytes: Uint8Array, from: number, to: number): MergeRange | null {
  let colon = from;
  while (colon < to && bytes[colon] !== 58 /* : */) colon++;
  const first = cellIn(bytes, from, colon);
  const last = colon === to ? first : cellIn(bytes, colon + 1, to);
  return first && last ? { top: first.row, left: first.col, bottom: last.row, right: last.col } : null;
}

/** The cell reference from `from` to `to`: an optional $, one to three capitals, an optional $, digits. */
function cellIn(bytes: Uint8Array, from: number, to: number): { row: number; col: number } | null {
  let i = from;
  if (bytes[i] === 36 /* $ */ && i < to) i++;
  let col = 0;
  const letters = i;
  for (; i < to && bytes[i]! >= 65 && bytes[i]! <= 90; i++) col = col * 26 + (bytes[i]! - 64);
  if (i === letters || i - letters > 3) return null;
  if (bytes[i] === 36 && i < to) i++;
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const code = bytes[i]!;
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return i === digits ? null : { row, col: col - 1 };
}

/** The ranges as four numbers each (top, left, bottom, right): what crosses to another thread without a copy per range. */
export function packRanges(ranges: readonly MergeRange[]): Int32Array<ArrayBuffer> {
  const packed = new Int32Array(ranges.length * 4);
  ranges.forEach((r, i) => {
    packed[i * 4] = r.top;
    packed[i * 4 + 1] = r.left;
    packed[i * 4 + 2] = r.bottom;
    packed[i * 4 + 3] = r.right;
  });
  return packed;
}

export function unpackRanges(packed: Int32Array): MergeRange[] {
  const ranges: MergeRange[] = [];
  for (let i = 0; i + 3 < packed.length; i += 4) ranges.push({ top: packed[i]!, left: packed[i + 1]!, bottom: packed[i + 2]!, right: packed[i + 3]! });
  return ranges;
}

/**
 * Finds a roster's structure in a sheet: the header (one or two levels, merged cells resolved), which
 * column holds which field (remembered mappings first, then header words), where the data ends (合计,
 * signatures) and the rows in between, with merged household cells filled down and marked as such.
 */
import { fieldOfHeader, IMPORT_FIELDS, type ImportField } from '../../../shared/domain/import/fields';
import { GRID_LIMITS, columnLetters, type CellValue, type GridRow, type GridSheet, type MergeRange } from '../read/grid';
import { cellText, compact } from './cell-text';

export interface LayoutColumn {
  index: number;
  letter: string;
  header: string;
  hidden: boolean;
  field: ImportField | null;
}

export interface DataRow {
  number: number;
  /** Shared with the grid where nothing was filled down: never written to. */
  cells: readonly CellValue[];
  /** Columns whose value was filled down from a merged cell above (the household's cells); one shared set per pattern. */
  merged: ReadonlySet<number> | null;
  /** The 合计 or signature row this row comes after (the roster's end), when it still holds an ID number. */
  afterEnd?: { row: number; text: string };
}

export interface SheetHeader {
  headerTop: number;
  headerBottom: number;
  columns: LayoutColumn[];
  /** Text above the header (title, sub-title), where program, township and month are named. */
  title: string;
  /** A normalised signature of the header, naming the template for remembered mappings. */
  templateKey: string;
}

export interface SheetLayout extends SheetHeader {
  /** Household cells are merged down across rows somewhere under the header (DataRowReader.hasMergedBlocks). */
  mergedBlocks: boolean;
}

const HEADER_SCAN = 30;
/** A total row: 合计 first, or a place's total (东山村合计, 全镇总计). */
const TOTAL_WORDS = /^(合计|总计|共计|总合计|全县合计|本页合计)|^[^\d]{1,15}(合计|总计)$/;
/** A subtotal row: 小计 first, or a village's (东山村小计). */
const SUBTOTAL_WORDS = /^(小计|本村小计)|^[^\d]{1,15}小计$/;
const ID_LIKE = /^\d{6}[\d*]{8}|^\d(\.\d+)?e\+?\d+$/i;
const FOOTER_WORDS = /(制表人|填表人|审核人|负责人|制表日期|填报日期|单位负责人|经办人|审核意见|签字|盖章)[:：]?/;

export type Mapping = Record<number, ImportField | null>;

/** Merged ranges by column, sorted by top row (ranges never overlap): the range covering a cell is a binary search. */
function mergeIndex(merges: readonly MergeRange[]): (row: number, col: number) => MergeRange | undefined {
  const byColumn = new Map<number, MergeRange[]>();
  for (const m of merges) {
    for (let c = m.left; c <= Math.min(m.right, GRID_LIMITS.maxColumns - 1); c++) {
      const list = byColumn.get(c);
      if (list) list.push(m);
      else byColumn.set(c, [m]);
    }
  }
  for (const list of byColumn.values()) list.sort((a, b) => a.top - b.top);
  return (row, col) => {
    const list = byColumn.get(col);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.top <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const m = found >= 0 ? list[found]! : undefined;
    return m && m.bottom >= row ? m : undefined;
  };
}

function rowScore(labels: string[]): { score: number; identity: boolean } {
  const fields = new Set<ImportField>();
  let exact = 0;
  for (const l of labels) {
    const f = l ? fieldOfHeader(l) : null;
    if (f) {
      fields.add(f.field);
      if (f.exact) exact += 1;
    }
  }
  return { score: fields.size * 2 + exact, identity: fields.has('name') || fields.has('idNumber') };
}

/** The label of each column from one or two header rows: "户主" over "姓名" reads as 户主姓名. */
function columnLabels(top: string[], bottom: string[] | null, width: number): { header: string; candidates: string[] }[] {
  const out: { header: string; candidates: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? '';
    const b = bottom ? (bottom[c] ?? '') : '';
    if (!bottom || !b || b === t) out.push({ header: t, candidates: [t] });
    else if (!t) out.push({ header: b, candidates: [b] });
    else out.push({ header: `${t}/${b}`, candidates: [`${t}${b}`, b, t] });
  }
  return out;
}

export function autoMapping(columns: { header: string; candidates: string[]; hidden: boolean }[]): Mapping {
  const mapping: Mapping = {};
  const taken = new Map<ImportField, { col: number; exact: boolean; hidden: boolean }>();
  columns.forEach((col, index) => {
    mapping[index] = null;
    for (const cand of col.candidates) {
      const f = cand ? fieldOfHeader(cand) : null;
      if (!f) continue;
      const prev = taken.get(f.field);
      // A visible column beats a hidden one, an exact header beats a partial one, the left one wins ties.
      if (prev && !(prev.hidden && !col.hidden) && !(f.exact && !prev.exact && prev.hidden === col.hidden)) break;
      if (prev) mapping[prev.col] = null;
      taken.set(f.field, { col: index, exact: f.exact, hidden: col.hidden });
      mapping[index] = f.field;
      break;
    }
  });
  return mapping;
}

/** The rows a header is looked for in (and its width measured over): the first ones of the sheet. */
export const HEAD_ROWS = HEADER_SCAN + 5;

/** What the header says, found in the sheet's first rows (HEAD_ROWS of them, or all a shorter sheet has). */
export function detectHeader(
  sheet: Pick<GridSheet, 'rows' | 'merges' | 'hiddenColumns'>,
  remembered?: (templateKey: string) => Mapping | undefined,
  override?: Mapping,
): SheetHeader | null {
  const coverOf = mergeIndex(sheet.merges);
  const byRow = new Map<number, GridRow>(sheet.rows.slice(0, HEAD_ROWS).map((r) => [r.number, r]));
  const shown = (row: number, col: number): CellValue => {
    const m = coverOf(row, col);
    return m ? (byRow.get(m.top)?.cells[m.left] ?? null) : (byRow.get(row)?.cells[col] ?? null);
  };
  const head = sheet.rows.slice(0, HEADER_SCAN);
  const width = Math.max(0, ...sheet.rows.slice(0, HEAD_ROWS).map((r) => r.cells.length));
  const labelsOf = (row: GridRow) => Array.from({ length: width }, (_, c) => cellText(shown(row.number, c)));

  let best: { index: number; score: number } | null = null;
  head.forEach((row, index) => {
    const { score, identity } = rowScore(labelsOf(row));
    if (identity && score >= 4 && (!best || score > best.score)) best = { index, score };
  });
  if (!best) return null;
  let topIndex = (best as { index: number }).index;
  let bottomIndex = topIndex;
  // Two-level headers: a parent row above (merged across its children) or a sub-header row below.
  const above = head[topIndex - 1];
  const below = head[topIndex + 1];
  // A parent row has several labels over merged children; a title merged across the sheet is not one.
  const isParent = (row: GridRow | undefined, child: GridRow) =>
    row &&
    row.number === child.number - 1 &&
    row.cells.filter((c) => c !== null && cellText(c) !== '').length >= 2 &&
    sheet.merges.some((m) => m.top === row.number && (m.right > m.left || m.bottom >= child.number));
  if (above && isParent(above, head[topIndex]!)) topIndex -= 1;
  else if (below && below.number === head[topIndex]!.number + 1 && rowScore(labelsOf(below)).score >= 4 && !looksLikeData(below)) bottomIndex += 1;
  const topRow = head[topIndex]!;
  const bottomRow = head[bottomIndex]!;
  const labels = columnLabels(labelsOf(topRow), bottomIndex > topIndex ? labelsOf(bottomRow) : null, width);
  const hidden = new Set(sheet.hiddenColumns);
  const templateKey = labels.map((l) => l.header.replace(/[\s\u3000]+/g, '')).join('|');
  const mapping = override ?? remembered?.(templateKey) ?? autoMapping(labels.map((l, i) => ({ ...l, hidden: hidden.has(i) })));
  const columns: LayoutColumn[] = labels.map((l, index) => ({
    index,
    letter: columnLetters(index),
    header: l.header.replace(/[\s\u3000]+/g, ' ').trim(),
    hidden: hidden.has(index),
    field: mapping[index] ?? null,
  }));
  const title = sheet.rows
    .slice(0, topIndex)
    .map((r) => r.cells.map((c) => cellText(c)).join(' '))
    .join(' ');
  return { headerTop: topRow.number, headerBottom: bottomRow.number, columns, title, templateKey };
}

/**
 * The data rows under a header, one sheet row at a time in the sheet's order (the header's rows included,
 * which it passes over): totals, footers and repeated page headers are left out, merged household cells
 * filled down. Only the values of the merged ranges' top cells are kept, so a sheet can pass through it as
 * it is read.
 */
export class DataRowReader {
  /** Household-column ranges reaching below the header, by top row; each is let go once its top row has passed. */
  private readonly ranges: (MergeRange | undefined)[];
  private nextRange = 0;
  /** By household column, the range last started over it (ranges never overlap) and its top cell's value. */
  private readonly covering = new Map<number, { top: number; bottom: number; value: CellValue }>();
  /** Whether any data row can have household cells filled down (a roster of household blocks). */
  readonly hasMergedBlocks: boolean;
  private readonly headerWords: Set<string>;
  private readonly householdCols: number[];
  // Every member row of a household block has the same columns filled down: one set per pattern, not per row.
  private readonly patterns = new Map<string, ReadonlySet<number>>();
  private readonly idColumn: number | undefined;
  private readonly nameColumn: number | undefined;
  /** The 合计 or signature row met so far, after which rows are not the roster's. */
  private end: DataRow['afterEnd'];

  constructor(
    private readonly header: SheetHeader,
    merges: readonly MergeRange[],
  ) {
    const { columns } = header;
    this.householdCols = columns.filter((c) => c.field && IMPORT_FIELDS[c.field].level === 'household').map((c) => c.index);
    this.ranges = merges.filter((m) => m.bottom > m.top && m.bottom > header.headerBottom && this.householdCols.some((c) => c >= m.left && c <= m.right));
    this.ranges.sort((a, b) => a!.top - b!.top);
    this.hasMergedBlocks = this.ranges.length > 0;
    this.headerWords = new Set(header.columns.map((c) => compact(c.header)).filter(Boolean));
    this.idColumn = columns.find((c) => c.field === 'idNumber')?.index;
    this.nameColumn = columns.find((c) => c.field === 'name')?.index;
  }

  /** The row as a data row, or null when it is not one (above or in the header, a total, a footer …). */
  read(row: GridRow): DataRow | null {
    this.startRanges(row);
    if (row.number <= this.header.headerBottom) return null;
    // A row holding an ID number is a person's: the words of the other rows tell totals, footers and headers
    // repeated on each printed page (a 100,000-row roster has a million cells, not worth compacting each).
    if (!this.holdsId(row)) {
      const words = row.cells.map(compact);
      const first = words.find((w) => w !== '') ?? '';
      if (SUBTOTAL_WORDS.test(first)) return null;
      // A footer names its signers (制表人：王五); a person's row with a remark like 待本人签字 has a name of its own.
      const nameWord = this.nameColumn === undefined ? '' : (words[this.nameColumn] ?? '');
      const named = nameWord !== '' && !FOOTER_WORDS.test(nameWord);
      // The roster ends at its 合计 or signature rows. A row after them that still holds an ID number is kept,
      // marked, and reported: dropped in silence, a 核对 would take the person for missing and propose a stop.
      if (TOTAL_WORDS.test(first) || (!named && FOOTER_WORDS.test(words.join('')))) {
        this.end ??= { row: row.number, text: first.slice(0, 20) };
        return null;
      }
      if (this.end) return null;
      if (words.filter((w) => this.headerWords.has(w)).length >= Math.max(2, this.headerWords.size / 2)) return null;
    }
    const filled: number[] = [];
    // The grid's own cells unless a household cell is filled down: a copy per row would double the memory.
    let cells = row.cells;
    for (const col of this.householdCols) {
      if (cells[col] !== null && cells[col] !== undefined) continue;
      const m = this.covering.get(col);
      if (m && m.top < row.number && m.bottom >= row.number) {
        if (cells === row.cells) cells = row.cells.slice();
        cells[col] = m.value;
        filled.push(col);
      }
    }
    let merged: ReadonlySet<number> | null = null;
    if (filled.length > 0) {
      const key = filled.join(',');
      merged = this.patterns.get(key) ?? null;
      if (!merged) this.patterns.set(key, (merged = new Set(filled)));
    }
    return this.end ? { number: row.number, cells, merged, afterEnd: this.end } : { number: row.number, cells, merged };
  }

  /**
   * Takes up the ranges starting at or above this row, with their top cell's value (none when the sheet
   * skipped that row as empty). Rows come in order, so what a passed range still needs is its bottom row
   * and value, kept per column; the range itself is let go.
   */
  private startRanges(row: GridRow): void {
    for (let m = this.ranges[this.nextRange]; m && m.top <= row.number; m = this.ranges[++this.nextRange]) {
      const value = m.top === row.number ? (row.cells[m.left] ?? null) : null;
      for (const col of this.householdCols) if (col >= m.left && col <= m.right) this.covering.set(col, { top: m.top, bottom: m.bottom, value });
      this.ranges[this.nextRange] = undefined;
    }
  }

  /** An ID number, whole, masked (431122********1234) or as a number that lost digits (4.31122E+17). */
  private holdsId(row: GridRow): boolean {
    return this.idColumn !== undefined && ID_LIKE.test(compact(row.cells[this.idColumn]));
  }
}

/** A row holding an ID-like number or a date is data, not a sub-header. */
function looksLikeData(row: GridRow): boolean {
  return row.cells.some((c) => typeof c === 'number' || /^\d{15,18}[Xx]?$/.test(cellText(c)));
}

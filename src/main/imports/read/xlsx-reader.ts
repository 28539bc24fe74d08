/**
 * Reads an .xlsx workbook held in memory: each sheet opens as a stream of rows (openXlsx), its merged
 * ranges and hidden columns known first (read-file collects those streams into a Grid). The sheet XML is
 * inflated and scanned a run of complete rows at a time, so a large roster never exists as one big string;
 * shared strings, styles (to know which numbers are dates), merged ranges and hidden columns are read too,
 * which the streaming reader of exceljs does not expose.
 */
import { GRID_LIMITS, ExcelDate, columnIn, refColumn, type CellValue, type GridRow, type GridSheet } from './grid';
import { mergeRanges } from './merged-ranges';
import { entryChunks, entryText, readZipDirectory, type ZipEntry } from './zip-archive';
import { ImportRefusal } from './refusal';
import { attributeBounds, attributes, attributeText, attributeValue, decodeXml, nextAttribute, stringItemText } from './xml-text';

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel serial day to an ISO date (1900 system with its phantom 29 Feb 1900, or 1904). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const epoch = Date.UTC(1899, 11, 30);
  const d = new Date(epoch + (days < 61 && !date1904 ? days + 1 : days) * 86_400_000);
  // Beyond year 9999, or beyond what a Date holds at all (a damaged or hostile cell): not a date.
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return null;
  return d.toISOString().slice(0, 10);
}

interface WorkbookInfo {
  sheets: { name: string; hidden: boolean; entry: ZipEntry }[];
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  /** One copy of each short text (see `oneCopy`), where the rows are kept; and of each date. */
  interned: Map<string, string> | null;
  dates: Map<number, ExcelDate>;
}

const SMALL_PART = 64 * 1024 * 1024;

type WorkbookSheet = WorkbookInfo['sheets'][number];

/** The workbook's sheets in its order, each with its part of the zip: what a sheet's first pass needs. */
async function workbookSheets(data: Buffer): Promise<{ sheets: WorkbookSheet[]; part: (name: string) => ZipEntry | undefined; date1904: boolean }> {
  const entries = readZipDirectory(data);
  const part = (name: string) => entries.get(name);
  const workbookEntry = part('xl/workbook.xml');
  if (!workbookEntry) {
    if (part('word/document.xml')) throw new ImportRefusal('file_not_spreadsheet', '这是 Word 文档，不是表格：请导入 Excel 花名册（.xlsx）');
    throw new ImportRefusal('file_not_spreadsheet', '文件不是 Excel 表格（.xlsx）：请用 Excel 或 WPS 打开后另存为 .xlsx');
  }
  const workbookXml = await entryText(data, workbookEntry, SMALL_PART);
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, string>();
  if (relsEntry) {
    for (const m of (await entryText(data, relsEntry, SMALL_PART)).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const a = attributes(m[1]!);
      if (a.Id && a.Target) rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
    }
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const target = rid ? rels.get(rid) : undefined;
    const entry = target ? part(target.replace(/\/\.\//g, '/')) : undefined;
    if (entry) sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: a.state === 'hidden' || a.state === 'veryHidden', entry });
  }
  if (sheets.length === 0) throw new ImportRefusal('file_corrupt', '表格中找不到工作表，文件可能已损坏');
  return { sheets, part, date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml) };
}

async function workbookInfo(data: Buffer, keepsRows: boolean): Promise<WorkbookInfo> {
  const { sheets, part, date1904 } = await workbookSheets(data);
  const sharedStrings: string[] = [];
  const sstEntry = part('xl/sharedStrings.xml');
  if (sstEntry) {
    for (const m of (await entryText(data, sstEntry, GRID_LIMITS.maxXmlBytes / 4)).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
      sharedStrings.push(m[1] === undefined ? '' : stringItemText(m[1]));
    }
  }
  const dateStyles = new Set<number>();
  const stylesEntry = part('xl/styles.xml');
  if (stylesEntry) {
    const xml = await entryText(data, stylesEntry, SMALL_PART);
    const custom = new Map<number, string>();
    for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
      const a = attributes(m[1]!);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    }
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
    let i = 0;
    for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
      const id = Number(attributes(m[1]!).numFmtId ?? 0);
      if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(i);
      i += 1;
    }
  }
  return { sheets, sharedStrings, dateStyles, date1904, interned: keepsRows ? new Map() : null, dates: new Map() };
}

/** A cell's value from its type (`t`), style (`s`) and the XML inside it, which lies in `text` from `from` to `to`. */
function cellValue(t: string | undefined, style: number | undefined, text: string, from: number, to: number, info: WorkbookInfo): CellValue {
  if (t === 'inlineStr') return oneCopy(clip(stringItemText(text.slice(from, to))), info);
  const v = valueIn(text, from, to);
  // An empty value is an empty cell (Number('') would read it as 0, or as shared string 0).
  if (v === null || v === '') return null;
  switch (t) {
    case 's':
      return clip(info.sharedStrings[Number(v)] ?? '');
    case 'str':
      return oneCopy(clip(decodeXml(v)), info);
    case 'b':
      return v === '1';
    case 'e':
      return null;
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return clip(decodeXml(v));
      if (style !== undefined && info.dateStyles.has(style)) {
        const day = Math.floor(n);
        const known = info.dates.get(day);
        if (known) return known;
        const iso = serialToIso(n, info.date1904);
        if (iso) {
          const date = new ExcelDate(iso);
          if (info.dates.size < MAX_INTERNED) info.dates.set(day, date);
          return date;
        }
      }
      return n;
    }
  }
}

/**
 * The text of a cell's <v> element, where its XML lies from `from` to `to`: where it is all the cell holds
 * (as most writers put it), read in place; else found within a copy of the cell's text (a formula before it).
 */
function valueIn(text: string, from: number, to: number): string | null {
  if (text.startsWith('<v>', from) && text.indexOf('<', from + 3) === to - 4 && text.startsWith('</v>', to - 4)) return text.slice(from + 3, to - 4);
  const inner = text.slice(from, to);
  const open = inner.indexOf('<v>');
  const close = open < 0 ? -1 : inner.indexOf('</v>', open + 3);
  return close < 0 ? null : inner.slice(open + 3, close);
}

/**
 * Files written without shared strings (WPS exports, generated rosters) repeat the same village, relation
 * and sex in every row as separate strings; a roster of 100,000 rows kept whole keeps one copy of each
 * short text instead (long ones — ID and account numbers — rarely repeat). Rows read and let go (a
 * commit's) are not worth the lookup: 100,000 rows spent some 0.12 s on it.
 */
const MAX_INTERNED = 200_000;
function oneCopy(s: string, info: WorkbookInfo): string {
  if (s.length > 8 || !info.interned) return s;
  const known = info.interned.get(s);
  if (known !== undefined) return known;
  if (info.interned.size < MAX_INTERNED) info.interned.set(s, s);
  return s;
}

/**
 * Over-long cells are cut (and flagged by validation through the marker length). Every kept string is
 * copied out of the XML text it was matched in: a substring would keep that whole chunk of XML alive for
 * as long as the grid lives.
 */
function clip(s: string): string {
  const kept = s.length > GRID_LIMITS.maxCellChars ? s.slice(0, GRID_LIMITS.maxCellChars + 1) : s;
  return kept.length < 13 ? kept : (kept + ' ').slice(0, -1);
}

/** The most rows an Excel sheet has. */
const MAX_SHEET_ROWS = 1_048_576;

/** Where the next `<name` tag starts at or after `from` (not a longer name: `<c` is not `<col`), or -1. */
function nextTag(text: string, name: string, from: number): number {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    const after = text.charCodeAt(i + name.length);
    if (after === 32 || after === 62 /* > */ || after === 47 /* / */ || after === 9 || after === 10 || after === 13) return i;
  }
  return -1;
}

/** What a sheet's first pass finds: what Excel writes around its rows, and how many rows there are. */
export interface SheetScan extends Omit<GridSheet, 'name' | 'rows'> {
  /** The rows the sheet holds (any empty ones too). */
  rowCount: number;
}

/** A sheet of rows to come: what Excel writes around its rows (read first), then the rows, a run at a time. */
export interface SheetStream extends Omit<GridSheet, 'rows'>, SheetScan {
  /** The rows in the sheet's order, in runs (the rows each inflated piece of the sheet completes). */
  runs: AsyncGenerator<GridRow[]>;
}

/**
 * Opens a sheet as a stream. Excel writes the merged ranges after the rows, and a roster's household
 * blocks are merged ranges, so a first pass (scanSheet) reads them before the rows follow in a second
 * pass, so that whoever reads them knows the blocks from the first row on. The first pass may have been
 * made already, elsewhere (scanFirstSheet).
 */
async function openSheet(data: Buffer, sheet: WorkbookSheet, info: WorkbookInfo, signal?: AbortSignal, scan?: SheetScan): Promise<SheetStream> {
  return { name: sheet.name, ...(scan ?? (await scanSheet(data, sheet.entry, signal))), runs: rowRuns(data, sheet, info, signal) };
}

/**
 * A sheet's first pass: it inflates the sheet looking only for where the rows and the merged ranges start
 * (a search of the bytes, a tenth of reading the rows), and reads the columns before the rows and the
 * ranges after them.
 */
async function scanSheet(data: Buffer, entry: ZipEntry, signal?: AbortSignal): Promise<SheetScan> {
  const heads: Buffer[] = [];
  const tails: Buffer[] = [];
  let stage: 'head' | 'rows' | 'merges' = 'head';
  let previous: Buffer = Buffer.alloc(0);
  let rowCount = 0;
  let tailBytes = 0;
  for await (const chunk of entryChunks(data, entry, GRID_LIMITS.maxXmlBytes)) {
    signal?.throwIfAborted();
    if (stage === 'head') {
      heads.push(chunk);
      if (find(previous, chunk, SHEET_DATA) !== null) stage = 'rows';
    }
    if (stage === 'rows') {
      rowCount += count(previous, chunk, ROW);
      const at = find(previous, chunk, MERGE_CELLS);
      if (at !== null) {
        tails.push(at < 0 ? Buffer.concat([previous.subarray(previous.length + at), chunk]) : chunk.subarray(at));
        stage = 'merges';
      }
    } else if (stage === 'merges') tails.push(chunk);
    // Each chunk from the ranges on added one piece. They are gathered whole before they are read, so a sheet
    // of little but ranges (a zip bomb of them) is refused before it fills the memory.
    if (stage === 'merges') {
      tailBytes += tails.at(-1)!.length;
      if (tailBytes > MAX_MERGE_BYTES) throw new ImportRefusal('file_too_large', '表格中的合并单元格过多（超过约 250 万个），请取消不必要的合并，或按乡镇拆分后分批导入');
    }
    previous = chunk;
  }
  const head = Buffer.concat(heads).toString('utf8');
  const rowsStart = head.indexOf('<sheetData');
  const hiddenColumns: number[] = [];
  const columnWidths: (number | undefined)[] = [];
  readColumns(rowsStart < 0 ? head : head.slice(0, rowsStart), hiddenColumns, columnWidths);
  return { merges: mergeRanges(Buffer.concat(tails)), hiddenColumns, columnWidths, rowCount };
}

/**
 * The first pass of the workbook's first visible sheet (where a roster usually is), or null where there is
 * none: made by the thread that hands the file to a reading thread, while that thread starts.
 */
export async function scanFirstSheet(data: Buffer, signal?: AbortSignal): Promise<SheetScan | null> {
  const first = (await workbookSheets(data)).sheets.find((s) => !s.hidden);
  return first ? scanSheet(data, first.entry, signal) : null;
}

/**
 * Where a tag starts in the chunk, or before it (negative: so many bytes from the end of the previous
 * chunk) when it straddles the two, or null.
 */
export function find(previous: Buffer, chunk: Buffer, tag: Buffer): number | null {
  const at = chunk.indexOf(tag);
  if (at >= 0) return at;
  const across = seam(previous, chunk, tag).indexOf(tag);
  return across < 0 ? null : across - Math.min(previous.length, tag.length - 1);
}

/** How often the tag occurs in the chunk, once more when it straddles the previous chunk and this one. */
function count(previous: Buffer, chunk: Buffer, tag: Buffer): number {
  let n = seam(previous, chunk, tag).includes(tag) ? 1 : 0;
  for (let at = chunk.indexOf(tag); at >= 0; at = chunk.indexOf(tag, at + tag.length)) n += 1;
  return n;
}

/** The bytes around the border of two chunks where a tag could straddle them (too short to hold it whole on either side). */
function seam(previous: Buffer, chunk: Buffer, tag: Buffer): Buffer {
  return Buffer.concat([previous.subarray(Math.max(0, previous.length - tag.length + 1)), chunk.subarray(0, tag.length - 1)]);
}

/**
 * The most text of merged ranges a sheet may hold: some 2.5 million ranges (a range takes at least 24
 * bytes). A 300,000-row roster of two-person households with 12 merged columns has 1.8 million.
 */
const MAX_MERGE_BYTES = 64 * 1024 * 1024;

const SHEET_DATA = Buffer.from('<sheetData');
const ROW = Buffer.from('<row ');
const MERGE_CELLS = Buffer.from('<mergeCells');

/** What the scanner reads of each cell tag: the column of its reference (r), its type (t) and style (s). */
interface CellTag {
  col: number | undefined;
  type: string | undefined;
  style: number | undefined;
}

/** readCellTag's bounds, used again for every cell (as xml-text's attributeValue does its own). */
const cellBounds = attributeBounds();
const R = 114;
const S = 115;
const T = 116;

/**
 * Reads a cell tag's attributes from `from` to `to` into `tag`, the first of each name. The reference's
 * column and the style's number are read from the characters in place, without a string each (the
 * scanner meets every cell of the sheet); a value with an entity or escape in it is decoded first.
 */
function readCellTag(text: string, from: number, to: number, tag: CellTag): void {
  const at = cellBounds;
  tag.col = tag.type = tag.style = undefined;
  let seen = 0;
  for (let i = nextAttribute(text, from, to, at); i >= 0 && seen !== 7; i = nextAttribute(text, i, to, at)) {
    if (at.nameEnd - at.nameStart !== 1) continue;
    const name = text.charCodeAt(at.nameStart);
    const bit = name === R ? 1 : name === T ? 2 : name === S ? 4 : 0;
    if (bit === 0 || seen & bit) continue;
    seen |= bit;
    const inPlace = name !== T && plain(text, at.valueStart, at.valueEnd);
    if (name === T) tag.type = typeIn(text, at.valueStart, at.valueEnd) ?? attributeText(text, at);
    else if (name === R) tag.col = inPlace ? columnIn(text, at.valueStart, at.valueEnd) : refColumn(attributeText(text, at));
    else tag.style = inPlace ? numberIn(text, at.valueStart, at.valueEnd) : Number(attributeText(text, at));
  }
}

/** The cell types Excel writes, each one string for every cell of its type. */
const CELL_TYPES = ['str', 's', 'n', 'inlineStr', 'b', 'e', 'd'];

/** The cell type written from `from` to `to` when it is one of CELL_TYPES, read in place; else undefined. */
function typeIn(text: string, from: number, to: number): string | undefined {
  for (const type of CELL_TYPES) if (type.length === to - from && text.startsWith(type, from)) return type;
  return undefined;
}

/** Without an entity (&…;) or an escape (_xHHHH_) between the two: read as it is. */
function plain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 38 /* & */ || code === 95 /* _ */) return false;
  }
  return true;
}

/** Number() of the text from `from` to `to` (a style index), read in place when it is a few digits. */
function numberIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57 || i - from > 9) return Number(text.slice(from, to));
    n = n * 10 + (code - 48);
  }
  return n;
}

/** The sheet's non-empty rows, in runs of the rows each inflated piece completes. */
async function* rowRuns(data: Buffer, sheet: WorkbookSheet, info: WorkbookInfo, signal?: AbortSignal): AsyncGenerator<GridRow[]> {
  let rows: GridRow[] = [];
  let kept = 0;
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let head = true;
  let nextRow = 1;
  let seenRows = 0;
  const cell: CellTag = { col: undefined, type: undefined, style: undefined };

  // Complete rows are scanned in place, tag by tag (indexOf), without a regular expression or an
  // attribute object per cell: this loop meets every cell of the sheet.
  const scanRows = (text: string) => {
    let pos = 0;
    for (;;) {
      const rowStart = nextTag(text, '<row', pos);
      if (rowStart < 0) return;
      const rowTagEnd = text.indexOf('>', rowStart);
      if (rowTagEnd < 0) return;
      const rowClosed = text.charCodeAt(rowTagEnd - 1) === 47; /* <row …/> */
      const rowEnd = rowClosed ? rowTagEnd : text.indexOf('</row>', rowTagEnd);
      if (rowEnd < 0) return;
      pos = rowClosed ? rowTagEnd + 1 : rowEnd + 6;
      const r = attributeValue(text, rowStart + 4, rowClosed ? rowTagEnd - 1 : rowTagEnd, 'r');
      // Rows come in ascending order, as Excel writes them; a row number that is not one, or that goes back
      // (a damaged file), counts on from the previous row, as a missing one does.
      const given = Number(r);
      const number = r && Number.isSafeInteger(given) && given >= nextRow && given <= MAX_SHEET_ROWS ? given : nextRow;
      nextRow = number + 1;
      seenRows += 1;
      if (seenRows > GRID_LIMITS.maxRows * 4) throw new ImportRefusal('file_too_many_rows', `表格行数过多（超过 ${GRID_LIMITS.maxRows * 4} 行，含空行），请删除多余的空行或拆分后导入`);
      if (rowClosed) continue;
      const cells: CellValue[] = [];
      let nextCol = 0;
      let any = false;
      let at = rowTagEnd + 1;
      for (;;) {
        const cellStart = nextTag(text, '<c', at);
        if (cellStart < 0 || cellStart >= rowEnd) break;
        const cellTagEnd = text.indexOf('>', cellStart);
        const cellClosed = text.charCodeAt(cellTagEnd - 1) === 47;
        const attrsEnd = cellClosed ? cellTagEnd - 1 : cellTagEnd;
        const cellEnd = cellClosed ? cellTagEnd : text.indexOf('</c>', cellTagEnd);
        if (cellEnd < 0 || cellEnd > rowEnd) break;
        at = cellClosed ? cellTagEnd + 1 : cellEnd + 4;
        readCellTag(text, cellStart + 2, attrsEnd, cell);
        const col = cell.col ?? nextCol;
        nextCol = col + 1;
        if (col >= GRID_LIMITS.maxColumns || cellClosed) continue;
        const value = cellValue(cell.type, cell.style, text, cellTagEnd + 1, cellEnd, info);
        if (value === null || value === '') continue;
        while (cells.length < col) cells.push(null);
        cells[col] = value;
        any = true;
      }
      if (!any) continue;
      if (++kept > GRID_LIMITS.maxRows) throw new ImportRefusal('file_too_many_rows', `表格数据超过 ${GRID_LIMITS.maxRows} 行，请按乡镇拆分后分批导入`);
      // A copy of exactly its length: the array grown cell by cell holds room for half as many again.
      rows.push({ number, cells: cells.slice() });
    }
  };
  const run = () => {
    const done = rows;
    rows = [];
    return done;
  };

  for await (const chunk of entryChunks(data, sheet.entry, GRID_LIMITS.maxXmlBytes)) {
    signal?.throwIfAborted();
    carry += decoder.decode(chunk, { stream: true });
    if (head) {
      const dataStart = carry.indexOf('<sheetData');
      if (dataStart < 0) continue;
      carry = carry.slice(dataStart);
      head = false;
    }
    // The rows end at </sheetData>; what follows (a roster's many merged ranges) the first pass has read.
    const end = carry.indexOf('</sheetData>');
    if (end >= 0) {
      scanRows(carry.slice(0, end));
      carry = '';
      break;
    }
    const cut = completeRowsEnd(carry);
    if (cut > 0) {
      scanRows(carry.slice(0, cut));
      carry = carry.slice(cut);
    }
    if (rows.length > 0) yield run();
  }
  carry += decoder.decode();
  if (!head) scanRows(carry);
  if (rows.length > 0) yield run();
}

/** Where the complete rows in the text end: after the last `</row>` or empty `<row …/>`. */
function completeRowsEnd(text: string): number {
  const closed = text.lastIndexOf('</row>');
  let cut = closed >= 0 ? closed + 6 : -1;
  const open = text.lastIndexOf('<row');
  if (open > cut) {
    const gt = text.indexOf('>', open);
    if (gt > 0 && text[gt - 1] === '/') cut = gt + 1;
  }
  return cut;
}

function readColumns(xml: string, hidden: number[], widths: (number | undefined)[]) {
  for (const m of xml.matchAll(/<col\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    const min = Number(a.min) - 1;
    const max = Math.min(Number(a.max) - 1, GRID_LIMITS.maxColumns - 1);
    for (let i = min; i <= max; i++) {
      if (a.hidden === '1' || a.hidden === 'true') hidden.push(i);
      if (a.width) widths[i] = Number(a.width);
    }
  }
}

/** The visible sheets of a workbook, each to be opened as a stream of rows (openSheet); `keepsRows`: see oneCopy. */
export async function openXlsx(data: Buffer, signal?: AbortSignal, keepsRows = false): Promise<{ name: string; open: (scan?: SheetScan) => Promise<SheetStream> }[]> {
  const info = await workbookInfo(data, keepsRows);
  return info.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, open: (scan?: SheetScan) => openSheet(data, s, info, signal, scan) }));
}

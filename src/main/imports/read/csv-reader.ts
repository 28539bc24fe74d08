/**
 * Reads a CSV (or tab-separated text) into a Grid sheet. The encoding is found from the BOM, else by
 * trying strict UTF-8 and falling back to GB18030 (a superset of the GBK that WPS and Excel write on
 * Chinese Windows). The delimiter is guessed from the first lines; quoted fields may hold line breaks.
 */
import { GRID_LIMITS, type CellValue, type GridRow, type GridSheet } from './grid';
import { ImportRefusal } from './refusal';

export function decodeText(data: Buffer): { text: string; encoding: string } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'UTF-8' };
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'UTF-16' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(data), encoding: 'GBK/GB18030' };
    } catch {
      throw new ImportRefusal('file_not_spreadsheet', '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK）：请用 Excel 或 WPS 打开后另存为 .xlsx');
    }
  }
}

function guessDelimiter(text: string): string {
  const sample = text.slice(0, 8192).split(/\r?\n/).slice(0, 20);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|']) {
    const counts = sample.map((l) => l.split(d).length - 1).filter((n) => n > 0);
    const score = counts.length === 0 ? 0 : counts.length * 10 + Math.min(...counts);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readCsv(data: Buffer): { sheet: GridSheet; encoding: string } {
  const { text, encoding } = decodeText(data);
  if (text.slice(0, 4096).includes(String.fromCharCode(0))) throw new ImportRefusal('file_not_spreadsheet', '文件不是表格或文本文件，无法导入');
  const delimiter = guessDelimiter(text);
  const rows: GridRow[] = [];
  let cells: CellValue[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let any = false;
  const endField = () => {
    const v = field.trim() === '' ? null : field.length > GRID_LIMITS.maxCellChars ? field.slice(0, GRID_LIMITS.maxCellChars + 1) : field;
    if (v !== null) any = true;
    if (cells.length < GRID_LIMITS.maxColumns) cells.push(v);
    field = '';
  };
  const endRow = () => {
    endField();
    if (any) {
      if (rows.length >= GRID_LIMITS.maxRows) throw new ImportRefusal('file_too_many_rows', `表格数据超过 ${GRID_LIMITS.maxRows} 行，请按乡镇拆分后分批导入`);
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      rows.push({ number: rowStart, cells });
    }
    cells = [];
    any = false;
    rowStart = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        if (field.length <= GRID_LIMITS.maxCellChars) field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else if (field.length <= GRID_LIMITS.maxCellChars) field += ch;
  }
  if (field !== '' || cells.length > 0) {
    line++;
    endRow();
  }
  return { sheet: { name: 'CSV', rows, merges: [], hiddenColumns: [], columnWidths: [] }, encoding };
}

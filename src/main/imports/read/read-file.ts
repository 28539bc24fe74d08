/**
 * Opens an uploaded file as sheets of rows, deciding what it is from its bytes rather than its name: an
 * .xlsx (zip), a legacy .xls/.et or a password-protected workbook (OLE compound file), an HTML page saved
 * as .xls, or text (CSV). Anything unreadable is an ImportRefusal with a message saying what to do.
 * openFile streams each sheet's rows; readGrid collects them.
 */
import type { Grid, GridRow, GridSheet } from './grid';
import { GRID_LIMITS } from './grid';
import { ImportRefusal } from './refusal';
import { isZip } from './zip-archive';
import { openXlsx, type SheetScan, type SheetStream } from './xlsx-reader';
import { readCsv } from './csv-reader';

/** A file's visible sheets, each to be opened as a stream of rows. */
export interface OpenedFile {
  format: Grid['format'];
  /** The text encoding a CSV was read in (UTF-8, GB18030 …). */
  encoding?: string;
  /** `scan`: the sheet's first pass, where it was made already (xlsx-reader's scanFirstSheet). */
  sheets: { name: string; open: (scan?: SheetScan) => Promise<SheetStream> }[];
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE file holding "EncryptedPackage" is an .xlsx with an opening password; otherwise a legacy workbook. */
function oleRefusal(data: Buffer): ImportRefusal {
  const probe = data.subarray(0, Math.min(data.length, 1024 * 1024));
  if (probe.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return new ImportRefusal('file_encrypted', '文件设置了打开密码：请在 Excel/WPS 中打开，取消密码（文件 → 信息 → 保护工作簿）后另存再导入');
  }
  return new ImportRefusal(
    'file_legacy_xls',
    '这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本系统不直接读取：请用 Excel 或 WPS 打开，选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入新文件',
  );
}

/** `keepsRows`: the caller keeps the rows it reads (readGrid), rather than letting each run go as it reads on. */
export async function openFile(data: Buffer, fileName: string, signal?: AbortSignal, keepsRows = false): Promise<OpenedFile> {
  if (data.length === 0) throw new ImportRefusal('file_empty', '文件是空的（0 字节），请检查是否发错了文件');
  if (data.length > GRID_LIMITS.maxFileBytes) {
    throw new ImportRefusal('file_too_large', `文件过大（${(data.length / 1024 / 1024).toFixed(0)} MB，上限 ${GRID_LIMITS.maxFileBytes / 1024 / 1024} MB），请按乡镇拆分后分批导入`);
  }
  if (data.subarray(0, 8).equals(OLE)) throw oleRefusal(data);
  if (isZip(data)) return { format: 'xlsx', sheets: await openXlsx(data, signal, keepsRows) };
  const head = data.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<table') || head.startsWith('<?xml')) {
    return Promise.reject(new ImportRefusal('file_not_spreadsheet', '这是网页或 XML 格式的文件（扩展名可能被改成了 .xls），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入'));
  }
  if (/\.(xlsx|xlsm|xls|et)$/i.test(fileName)) {
    throw new ImportRefusal('file_corrupt', '文件扩展名是表格，但内容不是有效的 Excel 文件（可能已损坏或不完整），请让乡镇重新保存后发送');
  }
  const { sheet, encoding } = readCsv(data);
  return { format: 'csv', encoding, sheets: [streamOf(sheet)] };
}

/** Sheets already in memory, opened as streams of one run each. */
export function openedGrid(grid: Grid): OpenedFile {
  return { format: grid.format, encoding: grid.encoding, sheets: grid.sheets.map(streamOf) };
}

function streamOf({ rows, ...frame }: GridSheet): OpenedFile['sheets'][number] {
  async function* runs(): AsyncGenerator<GridRow[]> {
    yield rows;
  }
  return { name: frame.name, open: async () => ({ ...frame, rowCount: rows.length, runs: runs() }) };
}

export async function readGrid(data: Buffer, fileName: string, signal?: AbortSignal): Promise<Grid> {
  const { sheets, ...file } = await openFile(data, fileName, signal, true);
  const read: GridSheet[] = [];
  for (const sheet of sheets) {
    const { runs, rowCount: _known, ...frame } = await sheet.open();
    const rows: GridRow[] = [];
    for await (const run of runs) for (const r of run) rows.push(r);
    read.push({ ...frame, rows });
  }
  return { ...file, sheets: read };
}

/**
 * A minimal reader of zip archives held in memory (an uploaded .xlsx), enough for OOXML: stored and
 * deflated entries, inflated as a stream with a cap on the output so a zip bomb cannot exhaust memory.
 * Encrypted entries and ZIP64 archives are refused with a clear message by the caller.
 */
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { ImportRefusal } from './refusal';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === LOCAL;
}

const corrupt = () => new ImportRefusal('file_corrupt', '文件已损坏或不完整（压缩包结构有误），请让乡镇重新保存后再发送');

export function readZipDirectory(data: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportRefusal('file_too_large', '文件过大（ZIP64 格式），请拆分后分批导入');
  if (dirOffset + dirSize > data.length) throw corrupt();
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw corrupt();
    const flags = data.readUInt16LE(p + 8);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength).replace(/\\/g, '/');
    entries.set(name.replace(/^\//, ''), {
      name,
      method: data.readUInt16LE(p + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(data: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== LOCAL) throw corrupt();
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw corrupt();
  return data.subarray(start, end);
}

/** The entry's bytes as chunks, inflated as they come; more than `maxBytes` is refused. */
export async function* entryChunks(data: Buffer, entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
  if (entry.encrypted) throw new ImportRefusal('file_encrypted', '文件设置了打开密码，请在 Excel/WPS 中取消密码后再导入');
  const raw = entryData(data, entry);
  if (entry.method === 0) {
    if (raw.length > maxBytes) throw tooLarge();
    yield raw;
    return;
  }
  if (entry.method !== 8) throw corrupt();
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  Readable.from([raw]).pipe(inflate);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge();
      yield chunk;
    }
  } catch (err) {
    inflate.destroy();
    if (err instanceof ImportRefusal) throw err;
    throw corrupt();
  }
}

const tooLarge = () => new ImportRefusal('file_too_large', '表格内容过大（解压后超过上限），请按乡镇或月份拆分后分批导入');

/** A small entry (workbook, styles, shared strings) as text. */
export async function entryText(data: Buffer, entry: ZipEntry, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of entryChunks(data, entry, maxBytes)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

import { PassThrough, type Writable } from 'node:stream';
import type { FileDelivery } from '../../shared/api/contract';

/** A file made by the backend (a roster, a form), written as a stream into wherever the transport puts it. */
export interface FileToDeliver {
  fileName: string;
  mimeType: string;
  /** Writes the whole file to `out` and resolves with the number of data rows. */
  write(out: Writable): Promise<number>;
}

/**
 * Where the transport puts files: the browser gets a one-time same-origin download held in memory (never a
 * temp file), the desktop app a save dialog. Set by the transport on its session.
 */
export interface FileSink {
  deliver(file: FileToDeliver): Promise<FileDelivery>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';

/** Runs a file's writer into memory (for the browser download, and for tests). */
export async function collectFile(file: FileToDeliver): Promise<{ data: Buffer; rows: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const rows = await file.write(sink);
  if (!sink.writableEnded) sink.end();
  await ended;
  return { data: Buffer.concat(chunks), rows };
}

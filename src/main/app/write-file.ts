import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { FileToDeliver } from '../rpc/file-sink';

/**
 * Writes a file next to its destination and renames it into place when complete, so a failed export never
 * leaves a half-written workbook under the name the user asked for, nor a partial file beside it.
 */
export async function writeFileAtomically(target: string, file: FileToDeliver): Promise<number> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  const out = fs.createWriteStream(partial);
  await once(out, 'open');
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  try {
    const rows = await file.write(out);
    if (!out.writableEnded) out.end();
    await finished;
    fs.renameSync(partial, target);
    return rows;
  } catch (err) {
    finished.catch(() => undefined);
    out.destroy();
    await once(out, 'close').catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

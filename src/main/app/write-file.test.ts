import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from './write-file';

describe('writing a file atomically', () => {
  it('puts the whole file in place, and leaves nothing when the writer fails half-way', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-write-'));
    const target = path.join(dir, '花名册.xlsx');
    const rows = await writeFileAtomically(target, { fileName: 'x', mimeType: 'x', write: async (out) => (out.end('complete'), 3) });
    expect(rows).toBe(3);
    expect(fs.readFileSync(target, 'utf8')).toBe('complete');
    const failing = writeFileAtomically(path.join(dir, 'broken.xlsx'), {
      fileName: 'x',
      mimeType: 'x',
      write: async (out) => {
        out.write('half of a workbook');
        throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual(['花名册.xlsx']);
    fs.rmSync(dir, { recursive: true });
  });
});

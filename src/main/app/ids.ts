import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * Random fractions for ULIDs from a pool of secure random bytes: ulid draws one byte per character, and a
 * system call per byte cost a 100,000-person import about 0.2 s.
 */
const pool = new Uint8Array(4096);
let used = pool.length;
function pooledRandom(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! / 256;
}

/** ULIDs for every record, so ledgers of several offices can later be merged without clashes. */
export const newId = monotonicFactory(pooledRandom);

import { randomFillSync } from 'node:crypto';

/**
 * ULIDs for every record, so ledgers of several offices can later be merged without clashes: 10 characters
 * of time (ms), then 16 random ones, in Crockford's base 32. Within one millisecond each next ID is the
 * last one plus one, so IDs made here always increase (monotonic ULIDs), also when the clock goes back.
 * Written here rather than taken from the ulid package, whose monotonic factory builds each ID from
 * strings character by character: a 100,000-person 建账 makes 180,000 IDs on the thread that writes.
 */
const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Secure random bytes, drawn a pool at a time (a system call per byte cost a large import some 0.2 s). */
const pool = new Uint8Array(4096);
let used = pool.length;
function randomDigit(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! >> 3; // 256 values onto 32, each 8 times: uniform
}

/** The random part of the last ID as 16 base-32 digits; the text of its first 12 (which an increment rarely reaches). */
const digits = new Uint8Array(16);
const HIGH = 12;
let high = '';
let lastTime = -1;
let time = '';

const text = (from: number, to: number) => {
  let out = '';
  for (let i = from; i < to; i++) out += ENCODING[digits[i]!];
  return out;
};

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++, ms = Math.floor(ms / 32)) out = ENCODING[ms % 32] + out;
  return out;
}

export function newId(): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    time = encodeTime(now);
    for (let i = 0; i < 16; i++) digits[i] = randomDigit();
    high = text(0, HIGH);
  } else {
    let i = 15;
    while (i >= 0 && digits[i] === 31) digits[i--] = 0;
    // 2^80 IDs in one millisecond: the random part has no room left (the ulid package throws too).
    if (i < 0) throw new Error('ULID random part overflow');
    digits[i]! += 1;
    if (i < HIGH) high = text(0, HIGH);
  }
  return time + high + text(HIGH, 16);
}

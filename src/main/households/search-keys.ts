/** Search keys stored beside a person: pinyin initials of the name, and the ID reversed for suffix search. */
import { pinyin, polyphonic } from 'pinyin-pro';

/**
 * A name's pinyin initials. Most names hold only characters whose readings all start alike (张 z, 丽 l,
 * 华 h): their initials are taken character by character, each looked up once. A name with one that does
 * not (单 d/s/c, 长 c/z, 曾 c/z) is read whole, where the surname and the words around it decide; that
 * reading costs some 4 µs a name, a 100,000-person 建账's largest single cost in its reader thread.
 */
export function nameInitials(name: string): string {
  const compact = name.replace(/\s+/g, '');
  let initials = '';
  for (const char of compact) {
    const initial = initialOf(char);
    if (initial === null) return readWhole(compact);
    initials += initial;
  }
  return initials;
}

/** Surname mode reads 单/曾/解… as surnames; non-Chinese characters keep their own first letter. */
function readWhole(name: string): string {
  return (pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }) as string[])
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Each character's initial when every reading of it gives the same one ('' for a mark such as ·), else null;
 * at most the basic Han block's worth are kept (names of random characters must not grow it without end).
 */
const initials = new Map<string, string | null>();
const MAX_KEPT = 24_000;

function initialOf(char: string): string | null {
  let initial = initials.get(char);
  if (initial === undefined) {
    const readings = (polyphonic(char, { pattern: 'first', toneType: 'none', type: 'array' }) as string[][])[0] ?? [];
    const distinct = new Set(readings.map((r) => r.toLowerCase().replace(/[^a-z0-9]/g, '')));
    initial = distinct.size === 1 ? [...distinct][0]! : null;
    if (initials.size < MAX_KEPT) initials.set(char, initial);
  }
  return initial;
}

export function reversed(text: string): string {
  // By code point, not by UTF-16 unit (a search text may hold any character); an ID number is all ASCII.
  let out = '';
  for (const char of text) out = char + out;
  return out;
}

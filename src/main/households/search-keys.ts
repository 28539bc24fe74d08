/** Search keys stored beside a person: pinyin initials of the name, and the ID reversed for suffix search. */
import { pinyin } from 'pinyin-pro';

export function nameInitials(name: string): string {
  const compact = name.replace(/\s+/g, '');
  // Surname mode reads 单/曾/解… as surnames; non-Chinese characters keep their own first letter.
  return (pinyin(compact, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }) as string[])
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function reversed(text: string): string {
  // By code point, not by UTF-16 unit (a search text may hold any character); an ID number is all ASCII.
  let out = '';
  for (const char of text) out = char + out;
  return out;
}

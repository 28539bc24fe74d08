/** XML text and attribute decoding for the sheet scanner (entities and Excel's _xHHHH_ escapes). */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string item (<si> or <is>): its <t> runs, without phonetic guides (<rPh>) that WPS adds. */
export function stringItemText(inner: string): string {
  // An inline string of one plain run, as most writers put every text cell: read without a regular expression.
  if (inner.startsWith('<is><t>') && inner.endsWith('</t></is>') && inner.indexOf('<', 7) === inner.length - 9) return decodeXml(inner.slice(7, -9));
  const body = inner.indexOf('<rPh') >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1];
  return decodeXml(out);
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** Where a name="value" pair lies in a tag's text, as `nextAttribute` found it. */
export interface AttributeBounds {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The one reading of a tag's attributes: the name="value" (or 'value') pair in `text` at or after `from`
 * and before `to`, its bounds written to `at` (no copy, no callback: the sheet scanner reads the r, t and
 * s of a million cells, where an attribute object, or a closure, per cell was a large part of reading a
 * roster). Answers where the next pair may start, or -1 when there is none; a damaged pair ends the
 * reading rather than being read across.
 */
export function nextAttribute(text: string, from: number, to: number, at: AttributeBounds): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return -1;
  at.nameStart = i;
  while (i < to && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
  at.nameEnd = i;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 61) return -1;
  i++;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  const quote = text.charCodeAt(i);
  if (quote !== 34 /* " */ && quote !== 39 /* ' */) return -1;
  const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
  if (close < 0 || close >= to) return -1;
  at.valueStart = i + 1;
  at.valueEnd = close;
  return close + 1;
}

export const attributeBounds = (): AttributeBounds => ({ nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 });

/** A pair's value, entities decoded. */
export const attributeText = (text: string, at: AttributeBounds): string => decodeXml(text.slice(at.valueStart, at.valueEnd));

/** Attributes of one tag's attribute text: name="value" pairs (namespace prefixes kept). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const at = attributeBounds();
  for (let i = nextAttribute(text, 0, text.length, at); i >= 0; i = nextAttribute(text, i, text.length, at)) {
    out[text.slice(at.nameStart, at.nameEnd)] = attributeText(text, at);
  }
  return out;
}

/** attributeValue's bounds, used again on every call (reading is synchronous: no two calls overlap). */
const found = attributeBounds();

/** One attribute of the tag whose attribute text lies in `text` from `from` to `to` (the first of that name), read in place. */
export function attributeValue(text: string, from: number, to: number, name: string): string | undefined {
  for (let i = nextAttribute(text, from, to, found); i >= 0; i = nextAttribute(text, i, to, found)) {
    if (found.nameEnd - found.nameStart === name.length && text.startsWith(name, found.nameStart)) return attributeText(text, found);
  }
  return undefined;
}

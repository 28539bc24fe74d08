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

/** Attributes of one tag's attribute text: name="value" pairs (namespace prefixes kept). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*"([^"]*)"|([\w:.-]+)\s*=\s*'([^']*)'/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out[m[1] ?? m[3]!] = decodeXml(m[2] ?? m[4]!);
  return out;
}

/** The text of a string item (<si> or <is>): its <t> runs, without phonetic guides (<rPh>) that WPS adds. */
export function stringItemText(inner: string): string {
  const body = inner.indexOf('<rPh') >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1];
  return decodeXml(out);
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * One attribute of a tag, read in place: `text` from `from` to `to` holds the tag's attributes. The sheet
 * scanner asks for one or three attributes of each of a million cells, where building every tag's
 * attribute object (`attributes`) was a quarter of reading a large roster.
 */
export function attributeValue(text: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61) return undefined;
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = text.indexOf(quote, i + 1);
    if (close < 0 || close >= to) return undefined;
    if (nameEnd - nameStart === name.length && text.startsWith(name, nameStart)) return decodeXml(text.slice(i + 1, close));
    i = close + 1;
  }
  return undefined;
}

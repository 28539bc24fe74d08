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

/**
 * The one reading of a tag's attributes: calls `visit` with the bounds of each name="value" (or 'value')
 * pair in `text` from `from` to `to`, in order, until it answers true. A damaged pair ends the scan
 * rather than being read across. Nothing is copied here: the sheet scanner asks for one attribute of each
 * of a million cells, where building every tag's attribute object was a quarter of reading a large roster.
 */
function scanAttributes(text: string, from: number, to: number, visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && text.charCodeAt(i) !== 61 /* = */ && !isSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61) return;
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return;
    const close = text.indexOf(quote, i + 1);
    if (close < 0 || close >= to) return;
    if (visit(nameStart, nameEnd, i + 1, close)) return;
    i = close + 1;
  }
}

/** Attributes of one tag's attribute text: name="value" pairs (namespace prefixes kept). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  scanAttributes(text, 0, text.length, (nameStart, nameEnd, valueStart, valueEnd) => {
    out[text.slice(nameStart, nameEnd)] = decodeXml(text.slice(valueStart, valueEnd));
    return false;
  });
  return out;
}

/**
 * Several attributes of the tag whose attribute text lies in `text` from `from` to `to`, read in one pass:
 * `values[k]` becomes the value of `names[k]`, or undefined (the sheet scanner's r, t and s of every cell).
 */
export function attributeValues(text: string, from: number, to: number, names: readonly string[], values: (string | undefined)[]): void {
  values.length = names.length;
  values.fill(undefined);
  let missing = names.length;
  scanAttributes(text, from, to, (nameStart, nameEnd, valueStart, valueEnd) => {
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (values[k] !== undefined || nameEnd - nameStart !== name.length || !text.startsWith(name, nameStart)) continue;
      values[k] = decodeXml(text.slice(valueStart, valueEnd));
      return --missing === 0;
    }
    return false;
  });
}

/** One attribute of the tag whose attribute text lies in `text` from `from` to `to`, read in place. */
export function attributeValue(text: string, from: number, to: number, name: string): string | undefined {
  const value: (string | undefined)[] = [];
  attributeValues(text, from, to, [name], value);
  return value[0];
}

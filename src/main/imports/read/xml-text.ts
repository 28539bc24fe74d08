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

/** Every audit action and entity the main side writes has a Chinese name on the audit page. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../src/shared/labels';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

const main = sources(path.join(import.meta.dirname, '..', '..', 'src', 'main')).map((f) => fs.readFileSync(f, 'utf8'));
/** The string literals of `key: ...` in audit records, including both sides of a `cond ? 'a' : 'b'`. */
const literalsOf = (key: string) =>
  new Set(main.flatMap((text) => [...text.matchAll(new RegExp(`\\b${key}: ([^,}\\n]*)`, 'g'))].flatMap((m) => [...m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)?)'/g)].map((l) => l[1]!))));

describe('audit labels', () => {
  it('names every action written', () => {
    const actions = [...literalsOf('action')].filter((a) => a.includes('.'));
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it('names every entity written', () => {
    const entities = [...literalsOf('entity')];
    expect(entities.length).toBeGreaterThan(15);
    expect(entities.filter((e) => !(e in AUDIT_ENTITY_LABELS))).toEqual([]);
  });
});

/**
 * The definitions cases were opened under. Each distinct effective definition is stored once, named by
 * the hash of its content, so a case row stays small (the inbox reads thousands) and a county's later
 * edit never changes a running case. Parsed definitions are cached by that id: equal ids mean equal text.
 */
import crypto from 'node:crypto';
import type { WorkflowDef } from '../../shared/domain/workflow/types';
import type { Executor } from '../db/schema';

const cache = new Map<string, WorkflowDef>();

/** Stores the definition (once) and returns its id. */
export async function storeDefinition(db: Executor, def: WorkflowDef, at: string): Promise<string> {
  const text = JSON.stringify(def);
  const id = crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
  // The cache spans ledgers (the id is the content), so the row is written every time, ignored when present.
  await db.insertInto('workflow_definitions').values({ id, kind: def.kind, definition: text, created_at: at }).onConflict((oc) => oc.column('id').doNothing()).execute();
  cache.set(id, def);
  return id;
}

/** Loads the definitions of these rows into the cache; call before definitionOf. */
export async function loadDefinitions(db: Executor, rows: readonly { definition_id: string }[]): Promise<void> {
  const missing = [...new Set(rows.map((r) => r.definition_id))].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  for (const r of await db.selectFrom('workflow_definitions').select(['id', 'definition']).where('id', 'in', missing).execute()) {
    cache.set(r.id, JSON.parse(r.definition) as WorkflowDef);
  }
}

export function definitionOf(row: { definition_id: string }): WorkflowDef {
  const def = cache.get(row.definition_id);
  if (!def) throw new Error(`workflow definition ${row.definition_id} not loaded`);
  return def;
}

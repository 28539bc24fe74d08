import type { AuditEntry } from '../../../shared/api/contract';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/labels';

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

export const actorLabel = (username: string | null) => (username === null ? '—' : (AUDIT_ACTOR_LABELS[username] ?? username));

function pick(value: unknown, keys: string[]): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The record an entry is about, by kind and, where the snapshot holds one, its name. */
export function targetLabel(entry: AuditEntry): string {
  const kind = AUDIT_ENTITY_LABELS[entry.entity] ?? entry.entity;
  const keys = ['displayName', 'name', 'countyName', 'username', 'headName'];
  const name = pick(entry.after, keys) ?? pick(entry.before, keys);
  return name ? `${kind} · ${name}` : kind;
}

export const hasSnapshot = (entry: AuditEntry) =>
  (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined);

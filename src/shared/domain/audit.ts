/** How an audit entry reads in Chinese, the same on the audit page and in the inspectors' export. */
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_LABELS, AUDIT_ENTITY_LABELS } from '../labels';

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

export const auditEntityLabel = (entity: string) => AUDIT_ENTITY_LABELS[entity] ?? entity;

/** Who: a user name, or the Chinese name of an actor that is no signed-in user (setup, the recovery code, the system). */
export const auditActorLabel = (username: string | null) => (username === null ? '—' : (AUDIT_ACTOR_LABELS[username] ?? username));

function pick(value: unknown, keys: string[]): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The record an entry is about, by kind and, where the snapshot holds one, its name. */
export function auditTargetLabel(entry: { entity: string; before: unknown; after: unknown }): string {
  const kind = auditEntityLabel(entry.entity);
  const keys = ['displayName', 'name', 'countyName', 'username', 'headName'];
  const name = pick(entry.after, keys) ?? pick(entry.before, keys);
  return name ? `${kind} · ${name}` : kind;
}

/** The top-level fields whose value differs between the snapshots before and after (both objects), in order. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

/** Who, with the account holder's name where it is known: 王管理（admin）. */
export function auditWhoLabel(username: string | null, displayNames: ReadonlyMap<string, string>): string {
  const name = username === null ? undefined : displayNames.get(username);
  return name ? `${name}（${username}）` : auditActorLabel(username);
}

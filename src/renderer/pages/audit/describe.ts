import type { AuditEntry } from '../../../shared/api/contract';
import { auditActionLabel, auditActorLabel, auditTargetLabel } from '../../../shared/domain/audit';

export const actionLabel = auditActionLabel;

export const actorLabel = auditActorLabel;

/** The record an entry is about, by kind and, where the snapshot holds one, its name. */
export const targetLabel = (entry: AuditEntry): string => auditTargetLabel(entry);

export const hasSnapshot = (entry: AuditEntry) =>
  (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined);

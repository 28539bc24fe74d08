import type { AuditEntry } from '../../../shared/api/contract';

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="audit-snapshot">
      <div className="audit-snapshot-title">{title}</div>
      {value === null || value === undefined ? <div className="audit-snapshot-empty">（无）</div> : <pre>{JSON.stringify(value, null, 2)}</pre>}
    </div>
  );
}

/** The expanded row: the record's id and its state before and after, as stored. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  return (
    <div className="audit-detail">
      {entry.entityId && (
        <div className="audit-entity-id">
          对象编号：<span className="mono">{entry.entityId}</span>
        </div>
      )}
      <div className="audit-snapshots">
        <Snapshot title="改动前" value={entry.before} />
        <Snapshot title="改动后" value={entry.after} />
      </div>
    </div>
  );
}

import { Button, Tag } from 'antd';
import type { AuditEntry } from '../../../shared/api/contract';
import { changedFields } from '../../../shared/domain/audit';

function Snapshot({ title, value, changed }: { title: string; value: unknown; changed: Set<string> }) {
  return (
    <div className="audit-snapshot">
      <div className="audit-snapshot-title">{title}</div>
      {value === null || value === undefined ? (
        <div className="audit-snapshot-empty">（无）</div>
      ) : typeof value === 'object' && !Array.isArray(value) ? (
        <pre>
          {'{\n'}
          {Object.entries(value as Record<string, unknown>).map(([key, v], i, all) => (
            <span key={key} className={changed.has(key) ? 'audit-changed' : undefined}>
              {`  ${JSON.stringify(key)}: ${JSON.stringify(v, null, 2).replaceAll('\n', '\n  ')}${i < all.length - 1 ? ',' : ''}\n`}
            </span>
          ))}
          {'}'}
        </pre>
      ) : (
        <pre>{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

interface Props {
  entry: AuditEntry;
  /** Narrows the list to the entries about one record (or its household). */
  onRecord: (recordId: string) => void;
}

/** The expanded row: the record's ids, the reason, what changed, and the states before and after as stored. */
export function AuditDetail({ entry, onRecord }: Props) {
  const changed = changedFields(entry.before, entry.after);
  const changedSet = new Set(changed);
  const ids = [
    { label: '对象编号', id: entry.entityId, action: '只看此对象的记录' },
    { label: '家庭编号', id: entry.householdId !== entry.entityId ? entry.householdId : null, action: '只看此家庭的记录' },
  ];
  return (
    <div className="audit-detail">
      {ids.map(
        ({ label, id, action }) =>
          id && (
            <div key={label} className="audit-entity-id">
              {label}：<span className="mono">{id}</span>
              <Button type="link" size="small" onClick={() => onRecord(id)}>
                {action}
              </Button>
            </div>
          ),
      )}
      {entry.reason && <div className="audit-reason">修改原因：{entry.reason}</div>}
      {changed.length > 0 && (
        <div className="audit-changed-fields">
          改动的字段：
          {changed.map((field) => (
            <Tag key={field} color="orange">
              {field}
            </Tag>
          ))}
        </div>
      )}
      <div className="audit-snapshots">
        <Snapshot title="改动前" value={entry.before} changed={changedSet} />
        <Snapshot title="改动后" value={entry.after} changed={changedSet} />
      </div>
    </div>
  );
}

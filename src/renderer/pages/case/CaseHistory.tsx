/** 办理记录: each action on the case in order, with its opinion, findings, who acted and when. */
import { Empty, Timeline } from 'antd';
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { formatDateTime } from '../../app/format';
import { TimelineEntry } from '../../components/TimelineEntry';

/** Green for a decision that approves, red for a refusal or return, blue for the ordinary steps. */
function colorOf(detail: CaseDetail, entry: CaseHistoryEntry): string {
  const action = detail.definition.steps.find((s) => s.id === entry.step)?.actions.find((a) => a.id === entry.action);
  if (action?.tone === 'danger' || action?.outcome === 'rejected') return 'red';
  if (action?.outcome === 'approved') return 'green';
  return 'blue';
}

function EntryContent({ entry }: { entry: CaseHistoryEntry }) {
  return (
    <TimelineEntry summary={`${entry.stepLabel} · ${entry.actionLabel}`} meta={`${entry.userName}（${entry.roleLabel}） · ${formatDateTime(entry.actedAt)}`}>
      {entry.opinion && <div className="timeline-reason">审核意见：{entry.opinion}</div>}
      {entry.details.length > 0 && (
        <ul className="timeline-changes">
          {entry.details.map((d, i) => (
            <li key={`${d.label}-${i}`}>
              <span className="timeline-field">{d.label}</span>：{d.value}
            </li>
          ))}
        </ul>
      )}
    </TimelineEntry>
  );
}

export function CaseHistory({ detail }: { detail: CaseDetail }) {
  if (detail.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有办理记录" />;
  const entries = [...detail.history].sort((a, b) => a.seq - b.seq);
  return <Timeline items={entries.map((e) => ({ key: e.seq, color: colorOf(detail, e), content: <EntryContent entry={e} /> }))} />;
}

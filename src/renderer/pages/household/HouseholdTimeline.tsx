/** 变更记录: every change to the household, its members and enrollments, newest first, with the reason given. */
import { Empty, Skeleton, Timeline } from 'antd';
import type { TimelineEntry as Entry } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { actorLabel } from '../audit/describe';
import { TimelineEntry } from '../../components/TimelineEntry';

const COLORS: Record<string, string> = { register: 'green', add: 'green', initial_load: 'purple', update: 'blue' };

function colorOf(action: string): string {
  return COLORS[action.split('.').pop() ?? ''] ?? 'gray';
}

const shown = (value: string | null) => (value === null || value === '' ? '（空）' : value);

function EntryContent({ entry }: { entry: Entry }) {
  return (
    <TimelineEntry summary={entry.summary} meta={`${formatDateTime(entry.at)} · ${actorLabel(entry.username)}`}>
      {entry.reason && <div className="timeline-reason">原因：{entry.reason}</div>}
      {entry.changes.length > 0 && (
        <ul className="timeline-changes">
          {entry.changes.map((c, i) => (
            <li key={`${c.field}-${i}`}>
              <span className="timeline-field">{c.field}</span>：<span className="timeline-before">{shown(c.before)}</span> →{' '}
              <span className="timeline-after">{shown(c.after)}</span>
            </li>
          ))}
        </ul>
      )}
    </TimelineEntry>
  );
}

export function HouseholdTimeline({ householdId }: { householdId: string }) {
  const timeline = useRead('households.timeline', { id: householdId });
  if (timeline.isPending) return <Skeleton active />;
  const entries = [...(timeline.data ?? [])].sort((a, b) => b.seq - a.seq);
  if (entries.length === 0) return <Empty description="还没有变更记录" />;
  return <Timeline items={entries.map((e) => ({ key: e.seq, color: colorOf(e.action), content: <EntryContent entry={e} /> }))} />;
}

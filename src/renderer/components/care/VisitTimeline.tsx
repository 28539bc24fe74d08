/** 探访记录 of a care file (a child's, an elder's), newest first; roles that see the file masked get dates and kinds only. */
import { Empty, Timeline } from 'antd';
import { formatDateTime } from '../../app/format';
import { TimelineEntry } from '../TimelineEntry';
import type { VisitRecord } from './VisitRecordModal';
import './visit-timeline.css';

interface Visit<K extends string> extends VisitRecord {
  id: string;
  kind: K;
  recordedBy: string;
  recordedAt: string;
}

interface Props<K extends string> {
  visits: readonly Visit<K>[];
  masked: boolean;
  kindLabels: Record<K, string>;
  kindColors: Record<K, string>;
}

export function VisitTimeline<K extends string>({ visits, masked, kindLabels, kindColors }: Props<K>) {
  if (visits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有探访记录" />;
  const sorted = [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <Timeline
      items={sorted.map((v) => ({
        key: v.id,
        color: kindColors[v.kind],
        content: (
          <TimelineEntry summary={`${v.visitedOn} · ${kindLabels[v.kind]}`} meta={!masked && `探访人：${v.visitor}`}>
            {!masked && (
              <>
                <div className="visit-line">探访发现：{v.findings}</div>
                {v.needs && <div className="visit-line">需求：{v.needs}</div>}
                {v.followUp && <div className="visit-line">后续跟进：{v.followUp}</div>}
                <div className="timeline-meta">
                  记录人：{v.recordedBy} · {formatDateTime(v.recordedAt)}
                </div>
              </>
            )}
          </TimelineEntry>
        ),
      }))}
    />
  );
}

/** 探访记录: a child's visits, newest first; roles that see the file masked get dates and kinds only. */
import { Empty, Timeline } from 'antd';
import type { Visit } from '../../../shared/api/care.schemas';
import { VISIT_KIND_LABELS } from '../../../shared/domain/care';
import { formatDateTime } from '../../app/format';

const KIND_COLORS: Record<Visit['kind'], string> = { home: 'green', school: 'blue', phone: 'gray' };

function VisitContent({ visit, masked }: { visit: Visit; masked: boolean }) {
  return (
    <div className="timeline-entry care-visit">
      <div className="timeline-head">
        <span className="timeline-summary">
          {visit.visitedOn} · {VISIT_KIND_LABELS[visit.kind]}
        </span>
        {!masked && <span className="timeline-meta">探访人：{visit.visitor}</span>}
      </div>
      {!masked && (
        <>
          <div className="care-visit-line">探访发现：{visit.findings}</div>
          {visit.needs && <div className="care-visit-line">需求：{visit.needs}</div>}
          {visit.followUp && <div className="care-visit-line">后续跟进：{visit.followUp}</div>}
          <div className="timeline-meta">
            记录人：{visit.recordedBy} · {formatDateTime(visit.recordedAt)}
          </div>
        </>
      )}
    </div>
  );
}

export function VisitTimeline({ visits, masked }: { visits: Visit[]; masked: boolean }) {
  if (visits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有探访记录" />;
  const sorted = [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.recordedAt.localeCompare(a.recordedAt));
  return <Timeline items={sorted.map((v) => ({ key: v.id, color: KIND_COLORS[v.kind], content: <VisitContent visit={v} masked={masked} /> }))} />;
}

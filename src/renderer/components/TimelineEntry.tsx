/** One entry of a record's history in a Timeline: what happened, who and when beside it, and details below. */
import type { ReactNode } from 'react';

interface Props {
  summary: ReactNode;
  /** Who acted and when, beside the summary; left out where the viewer may not see it. */
  meta?: ReactNode;
  children?: ReactNode;
}

export function TimelineEntry({ summary, meta, children }: Props) {
  return (
    <div className="timeline-entry">
      <div className="timeline-head">
        <span className="timeline-summary">{summary}</span>
        {meta && <span className="timeline-meta">{meta}</span>}
      </div>
      {children}
    </div>
  );
}

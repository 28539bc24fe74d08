/** 办理经过: each status move of a referral, oldest first; roles that see it masked get no notes. */
import { Timeline } from 'antd';
import type { ReferralEvent } from '../../../shared/api/referrals.schemas';
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '../../../shared/domain/referrals';
import { formatDateTime } from '../../app/format';
import { TimelineEntry } from '../../components/TimelineEntry';

const COLORS: Record<ReferralStatus, string> = { referred: 'blue', accepted: 'cyan', in_service: 'blue', completed: 'green', declined: 'gray' };

export function ReferralTimeline({ events }: { events: ReferralEvent[] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        color: COLORS[e.status],
        content: (
          <TimelineEntry summary={`${e.onDate} · ${REFERRAL_STATUS_LABELS[e.status]}`}>
            {e.note && <div className="referral-text">{e.note}</div>}
            <div className="timeline-meta">
              {e.userName} · {formatDateTime(e.actedAt)}
            </div>
          </TimelineEntry>
        ),
      }))}
    />
  );
}

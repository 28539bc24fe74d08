import { Tag, Tooltip } from 'antd';
import { ENROLLMENT_STATUS_LABELS, PROGRAM_LABELS, PROGRAM_SHORT_LABELS, type EnrollmentStatus, type Program } from '../../../shared/domain/programs';

interface Brief {
  program: Program;
  status?: EnrollmentStatus;
}

const COLORS: Record<EnrollmentStatus, string | undefined> = { active: 'blue', tapering: 'gold', stopped: undefined };

/** The programs someone holds, as short tags: blue while covered, gold while tapering, grey once stopped. */
export function ProgramTags({ programs, empty = '—' }: { programs: readonly Brief[]; empty?: string }) {
  if (programs.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="program-tags">
      {programs.map(({ program, status = 'active' }, i) => (
        <Tooltip key={`${program}-${i}`} title={`${PROGRAM_LABELS[program]}（${ENROLLMENT_STATUS_LABELS[status]}）`}>
          <Tag color={COLORS[status]} className={status === 'stopped' ? 'program-tag-stopped' : undefined}>
            {PROGRAM_SHORT_LABELS[program]}
            {status === 'tapering' ? '·渐退' : ''}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

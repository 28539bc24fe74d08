import { Tag, Tooltip } from 'antd';
import { ENROLLMENT_STATUS_LABELS, PROGRAM_LABELS, PROGRAM_SHORT_LABELS, type EnrollmentStatus, type Program } from '../../../shared/domain/programs';

interface Brief {
  program: Program;
  status?: EnrollmentStatus;
}

const COLORS: Record<EnrollmentStatus, string | undefined> = { active: 'blue', tapering: 'gold', stopped: undefined };

/** The same program and status held more than once (two members with 高龄津贴) as one tag with a count. */
function grouped(programs: readonly Brief[]) {
  const groups = new Map<string, { program: Program; status: EnrollmentStatus; count: number }>();
  for (const { program, status = 'active' } of programs) {
    const key = `${program}:${status}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { program, status, count: 1 });
  }
  return [...groups.entries()];
}

/** The programs someone holds, as short tags: blue while covered, gold while tapering, grey once stopped. */
export function ProgramTags({ programs, empty = '—' }: { programs: readonly Brief[]; empty?: string }) {
  if (programs.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="program-tags">
      {grouped(programs).map(([key, { program, status, count }]) => (
        <Tooltip key={key} title={`${PROGRAM_LABELS[program]}（${ENROLLMENT_STATUS_LABELS[status]}${count > 1 ? `，${count} 条` : ''}）`}>
          <Tag color={COLORS[status]} className={status === 'stopped' ? 'program-tag-stopped' : undefined}>
            {PROGRAM_SHORT_LABELS[program]}
            {status === 'tapering' ? '·渐退' : ''}
            {count > 1 ? ` ×${count}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

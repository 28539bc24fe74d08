import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Enrollment, Member } from '../../../shared/api/contract';
import { formatYuan } from '../../../shared/domain/money';
import { COVERED_STATUSES, ENROLLMENT_STATUS_LABELS, PROGRAM_CATEGORIES, PROGRAM_LABELS, type EnrollmentStatus } from '../../../shared/domain/programs';
import { ENROLLMENT_SOURCE_LABELS } from '../../../shared/labels';
import { formatDateTime } from '../../app/format';
import type { EnrollmentCaseKind } from './EnrollmentCaseModal';

const STATUS_COLORS: Record<EnrollmentStatus, string | undefined> = { active: 'success', tapering: 'warning', stopped: undefined };

const CASE_ACTIONS: { kind: EnrollmentCaseKind; label: string }[] = [
  { kind: 'enrollment_change', label: '变更' },
  { kind: 'enrollment_stop', label: '停保' },
  { kind: 'periodic_review', label: '复核' },
];

interface Props {
  enrollments: Enrollment[];
  members: Member[];
  /** When given, covered enrollments offer 变更, 停保 and 复核, each starting a case. */
  onStartCase?: (enrollment: Enrollment, kind: EnrollmentCaseKind) => void;
}

export function EnrollmentsTable({ enrollments, members, onStartCase }: Props) {
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const columns: TableColumnsType<Enrollment> = [
    { title: '保障项目', dataIndex: 'program', width: 130, render: (p: Enrollment['program']) => PROGRAM_LABELS[p] },
    { title: '类别', dataIndex: 'category', width: 96, render: (c: string | null, e) => (c ? (PROGRAM_CATEGORIES[e.program]?.[c] ?? c) : '—') },
    {
      title: '保障对象',
      dataIndex: 'personIds',
      render: (ids: string[]) => (ids.length === 0 ? '—' : ids.map((id) => nameOf.get(id) ?? '（已不在本户）').join('、')),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 76,
      render: (s: EnrollmentStatus) => <Tag color={STATUS_COLORS[s]}>{ENROLLMENT_STATUS_LABELS[s]}</Tag>,
    },
    { title: '月金额（元）', dataIndex: 'monthlyAmountFen', width: 100, align: 'right', className: 'money-cell', render: (fen: number) => formatYuan(fen) },
    {
      title: '计算标准（元，生效日期）',
      key: 'standard',
      width: 170,
      render: (_: unknown, e) => (e.standardFen === null ? '—' : `${formatYuan(e.standardFen)}（${e.standardFrom ?? '—'} 起）`),
    },
    { title: '起始月份', dataIndex: 'startMonth', width: 84, render: (m: string, e) => (e.endMonth ? `${m} 至 ${e.endMonth}` : m) },
    { title: '来源', dataIndex: 'source', width: 80, render: (s: string) => ENROLLMENT_SOURCE_LABELS[s] ?? s },
    { title: '确认人', dataIndex: 'confirmedByName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: '确认时间', dataIndex: 'confirmedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
  ];
  if (onStartCase) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_: unknown, e) =>
        COVERED_STATUSES.includes(e.status) && (
          <Space size={0}>
            {CASE_ACTIONS.map((a) => (
              <Button key={a.kind} type="link" size="small" onClick={() => onStartCase(e, a.kind)}>
                {a.label}
              </Button>
            ))}
          </Space>
        ),
    });
  }
  return (
    <Table<Enrollment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={enrollments}
      pagination={false}
      scroll={{ x: onStartCase ? 1230 : 1080 }}
      locale={{ emptyText: '该户没有在保记录' }}
    />
  );
}

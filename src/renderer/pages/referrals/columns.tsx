import { Tag, Typography, type TableColumnsType } from 'antd';
import type { ReferralRow } from '../../../shared/api/referrals.schemas';
import { NEED_KIND_LABELS, REFERRAL_STATUS_LABELS, type ReferralStatus } from '../../../shared/domain/referrals';
import { STATUS_COLORS, subjectOf } from './referral-options';
import { placeOf } from '../../app/format';

export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{REFERRAL_STATUS_LABELS[status]}</Tag>;
}

/** The due date with "逾期 N 天" under it while the referral is open and late. */
export function DueCell({ row }: { row: Pick<ReferralRow, 'dueOn' | 'overdue' | 'daysOverdue' | 'closedOn'> }) {
  return (
    <div>
      <div className="mono">{row.dueOn}</div>
      {row.overdue && <Typography.Text type="danger">逾期 {row.daysOverdue} 天</Typography.Text>}
      {row.closedOn && <Typography.Text type="secondary">{row.closedOn} 结束</Typography.Text>}
    </div>
  );
}

/** The columns of the referral list. */
export const referralColumns: TableColumnsType<ReferralRow> = [
  { title: '转介编号', dataIndex: 'referralNo', width: 120, className: 'mono-cell' },
  { title: '对象', key: 'subject', width: 150, ellipsis: true, render: (_: unknown, row) => subjectOf(row) },
  { title: '身份证号', dataIndex: 'idNumber', width: 190, className: 'mono-cell', render: (v: string | null) => v ?? '—' },
  { title: '乡镇/村', key: 'place', width: 160, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
  { title: '需求类别', dataIndex: 'needKind', width: 100, render: (k: ReferralRow['needKind']) => NEED_KIND_LABELS[k] },
  { title: '帮扶机构', dataIndex: 'organisationName', width: 200, ellipsis: true },
  { title: '转介日期', dataIndex: 'referredOn', width: 110, className: 'mono-cell' },
  { title: '反馈期限', dataIndex: 'dueOn', width: 130, render: (_: unknown, row) => <DueCell row={row} /> },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: ReferralStatus) => <ReferralStatusTag status={s} /> },
];

/** 逾期转介 on the workbench: how many open referrals are past their date, the five most overdue, a link to the list. */
import { NodeExpandOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useRead } from '../../api/queries';
import { StatCard } from '../workbench/StatCard';
import { subjectOf } from './referral-options';

export function OverdueReferralsCard() {
  // No township: the backend scopes a township clerk to their own.
  const overdue = useRead('referrals.list', { status: 'overdue', pageSize: 5 });
  const rows = overdue.data?.rows ?? [];
  return (
    <StatCard
      title="逾期转介"
      value={overdue.data?.overdueTotal}
      suffix="条"
      icon={<NodeExpandOutlined />}
      loading={overdue.isPending}
      note={
        rows.length > 0 ? (
          <ul className="referral-card-list">
            {rows.map((r) => (
              <li key={r.id}>
                <Typography.Text type="danger">逾期 {r.daysOverdue} 天</Typography.Text> {subjectOf(r)} · {r.organisationName}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">没有逾期未办结的转介</Typography.Text>
        )
      }
      to="/referrals?status=overdue"
    />
  );
}

/** 儿童探访 on the workbench: children whose visit is overdue, and those due soon; opens the reminders. */
import { HeartOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useRead } from '../../api/queries';
import { StatCard } from './StatCard';

export function VisitsDueCard() {
  // No township: the backend scopes a township clerk to their own.
  const due = useRead('care.visits.due', {});
  const soon = due.data?.dueSoonTotal ?? 0;
  return (
    <StatCard
      title="逾期未访"
      value={due.data?.overdueTotal}
      suffix="人"
      icon={<HeartOutlined />}
      loading={due.isPending}
      note={<Typography.Text type={soon > 0 ? 'warning' : 'secondary'}>近期待访 {soon} 人</Typography.Text>}
      to="/care?tab=due"
    />
  );
}

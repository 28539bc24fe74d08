/** 审批待办 on the workbench: how many cases wait for the user, and how many of those are overdue. */
import { FileDoneOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useRead } from '../../api/queries';
import { StatCard } from './StatCard';

export function ApprovalsStatCard() {
  // Only the totals are wanted: one row each.
  const todo = useRead('cases.inbox', { tab: 'todo', page: 1, pageSize: 1 });
  const overdue = useRead('cases.inbox', { tab: 'todo', overdueOnly: true, page: 1, pageSize: 1 });
  const late = overdue.data?.total ?? 0;
  return (
    <StatCard
      title="审批待办"
      value={todo.data?.total}
      suffix="件"
      icon={<FileDoneOutlined />}
      loading={todo.isPending}
      note={<Typography.Text type={late > 0 ? 'danger' : 'secondary'}>其中超期 {late} 件</Typography.Text>}
      to="/approvals"
    />
  );
}

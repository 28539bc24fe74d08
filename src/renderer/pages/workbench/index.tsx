import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useRead } from '../../api/queries';
import { todayLong } from '../../app/format';
import { ROLE_LABELS } from '../../../shared/labels';
import { useSignedIn } from '../../session/session-context';
import { isCaseWorker, type Role } from '../../../shared/domain/roles';
import { AgeEventsCard } from './AgeEventsCard';
import { ApprovalsStatCard } from './ApprovalsStatCard';
import { BackupReminder } from './BackupReminder';
import { CalendarReminder } from './CalendarReminder';
import { StatCard } from './StatCard';
import { TrendsCard } from './TrendsCard';
import { VisitsDueCard } from './VisitsDueCard';
import { OverdueReferralsCard } from '../referrals/OverdueReferralsCard';

/** Who watches the county's figures over time: the manager and the county's own staff. */
const SEES_TRENDS: readonly Role[] = ['manager', 'county_reviewer', 'county_clerk'];

/** The first page: the user's scope (county or township) in numbers. */
export function WorkbenchPage() {
  const { user, county } = useSignedIn();
  const overview = useRead('workspace.overview', {});
  const data = overview.data;
  const scopeName = data ? (data.scopeTownship?.name ?? data.county.name) : (user.townshipName ?? county.name);
  const loading = overview.isPending;

  return (
    <>
      <BackupReminder />
      <CalendarReminder />
      <div className="workbench-head">
        <Typography.Title level={3} className="workbench-scope">
          {scopeName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {user.displayName}（{ROLE_LABELS[user.role]}），您好。今天是{todayLong()}。
        </Typography.Text>
      </div>
      <div className="stat-grid">
        {isCaseWorker(user.role) && <ApprovalsStatCard />}
        <VisitsDueCard />
        <OverdueReferralsCard />
        <StatCard title="乡镇（街道）" value={data?.townships} suffix="个" icon={<ApartmentOutlined />} loading={loading} to="/regions" />
        <StatCard title="村（社区）" value={data?.villages} suffix="个" icon={<EnvironmentOutlined />} loading={loading} to="/regions" />
        <StatCard title="在册户数" value={data?.households} suffix="户" icon={<HomeOutlined />} loading={loading} to="/ledger" />
        <StatCard title="在册人数" value={data?.persons} suffix="人" icon={<TeamOutlined />} loading={loading} to="/ledger?kind=persons" />
        <StatCard title="在用账户" value={data?.activeUsers} suffix="个" icon={<UserOutlined />} loading={loading} />
      </div>
      {SEES_TRENDS.includes(user.role) && <TrendsCard />}
      <AgeEventsCard />
      <Card className="workbench-note" size="small">
        <Typography.Text type="secondary">
          台账数据加密保存在本机，离开座位时请锁定屏幕（右上角账户菜单）。
        </Typography.Text>
      </Card>
    </>
  );
}

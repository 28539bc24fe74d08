import {
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  HeartOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  NodeExpandOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SunOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Role } from '../../../shared/domain/roles';

type Item = Required<MenuProps>['items'][number];

export const ADMIN_SUBMENU_KEY = 'admin';

/** The side menu; keys are the paths they open. System administration only for administrators. */
export function menuItemsFor(role: Role): Item[] {
  const items: Item[] = [
    { key: '/', icon: <AppstoreOutlined />, label: '工作台' },
    { key: '/ledger', icon: <TeamOutlined />, label: '对象台账' },
    { key: '/care', icon: <HeartOutlined />, label: '儿童关爱' },
    { key: '/elderly', icon: <SunOutlined />, label: '老年关爱' },
    { key: '/vagrant', icon: <HomeOutlined />, label: '流浪救助' },
    { key: '/referrals', icon: <NodeExpandOutlined />, label: '转介帮扶' },
    { key: '/approvals', icon: <FileDoneOutlined />, label: '审批待办' },
    { key: '/exchange', icon: <SwapOutlined />, label: '导入导出' },
    { key: '/reports', icon: <BarChartOutlined />, label: '统计报表' },
    { key: '/regions', icon: <EnvironmentOutlined />, label: '乡镇村居' },
  ];
  if (role === 'admin') {
    items.push({
      key: ADMIN_SUBMENU_KEY,
      icon: <SettingOutlined />,
      label: '系统管理',
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: '用户管理' },
        { key: '/admin/settings', icon: <ToolOutlined />, label: '系统设置' },
        { key: '/admin/standards', icon: <MoneyCollectOutlined />, label: '保障标准' },
        { key: '/admin/calendar', icon: <CalendarOutlined />, label: '节假日安排' },
        { key: '/admin/workflows', icon: <ApartmentOutlined />, label: '流程设置' },
        { key: '/admin/audit', icon: <FileSearchOutlined />, label: '审计日志' },
        { key: '/admin/backup', icon: <SafetyCertificateOutlined />, label: '备份与恢复' },
      ],
    });
  }
  return items;
}

const PATHS = ['/ledger', '/care', '/elderly', '/vagrant', '/referrals', '/approvals', '/exchange', '/reports', '/regions', '/admin/users', '/admin/settings', '/admin/standards', '/admin/calendar', '/admin/workflows', '/admin/audit', '/admin/backup'];

/** The menu key for a location: the item whose path the location starts with. */
export function selectedKeyOf(pathname: string): string {
  return PATHS.find((p) => pathname === p || pathname.startsWith(`${p}/`)) ?? (pathname === '/' ? '/' : '');
}

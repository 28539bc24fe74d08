import { Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import type { User } from '../../../shared/api/contract';
import { ROLE_LABELS } from '../../../shared/labels';
import { formatDateTime } from '../../app/format';
import { StatusTag } from '../../components/StatusTag';

export interface UserActions {
  currentUserId: string;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onDisable: (user: User) => Promise<void>;
  onEnable: (user: User) => void;
}

export function userColumns(actions: UserActions): TableColumnsType<User> {
  return [
    { title: '用户名', dataIndex: 'username', width: 130, className: 'mono-cell' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', width: 110, render: (role: User['role']) => ROLE_LABELS[role] },
    { title: '所属乡镇', dataIndex: 'townshipName', width: 120, render: (name: string | null) => name ?? '—' },
    {
      title: '状态',
      dataIndex: 'active',
      width: 140,
      render: (active: boolean, row) => (
        <>
          <StatusTag active={active} />
          {active && row.mustChangePassword && <Tag color="warning">待改密码</Tag>}
        </>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (at: string | null) => formatDateTime(at, '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_: unknown, row) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => actions.onEdit(row)}>
            编辑
          </Button>
          {row.active && (
            <Button type="link" size="small" onClick={() => actions.onResetPassword(row)}>
              重置密码
            </Button>
          )}
          {row.active && row.id !== actions.currentUserId && (
            <Popconfirm
              title={`停用账户 ${row.displayName}？`}
              description="停用后该账户不能登录，原密码作废；再次启用时需设置临时密码。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => actions.onDisable(row)}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          )}
          {!row.active && (
            <Button type="link" size="small" onClick={() => actions.onEnable(row)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

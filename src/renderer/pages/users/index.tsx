import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { userColumns } from './columns';
import { PasswordModal, type PasswordPurpose } from './PasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { message } = App.useApp();
  const { user: me } = useSignedIn();
  const users = useRead('users.list', {});
  const setActive = useWrite('users.setActive', ['users.list', 'workspace.overview']);
  const [filter, setFilter] = useState('');
  const [form, setForm] = useState<{ open: boolean; editing: User | null }>({ open: false, editing: null });
  const [password, setPassword] = useState<{ open: boolean; purpose: PasswordPurpose; user: User | null }>({
    open: false,
    purpose: 'reset',
    user: null,
  });

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = users.data ?? [];
    return q ? all.filter((u) => u.username.includes(q) || u.displayName.toLowerCase().includes(q)) : all;
  }, [users.data, filter]);

  const columns = userColumns({
    currentUserId: me.id,
    onEdit: (u) => setForm({ open: true, editing: u }),
    onResetPassword: (u) => setPassword({ open: true, purpose: 'reset', user: u }),
    onEnable: (u) => setPassword({ open: true, purpose: 'enable', user: u }),
    onDisable: async (u) => {
      try {
        await setActive.mutateAsync({ id: u.id, active: false });
        message.success(`已停用用户 ${u.username}`);
      } catch (err) {
        reportError(err);
      }
    },
  });

  return (
    <>
      <PageTitle
        title="用户管理"
        note="工作人员账户。新建或重置密码后，本人首次登录时须修改密码。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, editing: null })}>
            新建用户
          </Button>
        }
      />
      <Card>
        <div className="table-toolbar">
          <Input
            prefix={<SearchOutlined />}
            allowClear
            placeholder="按用户名或姓名筛选"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="table-filter"
          />
          <span className="table-count">共 {users.data?.length ?? 0} 个账户</span>
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={users.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 990 }}
          locale={{ emptyText: filter ? '没有符合条件的账户' : '还没有账户' }}
        />
      </Card>
      <UserFormModal open={form.open} editing={form.editing} onClose={() => setForm((f) => ({ ...f, open: false }))} />
      <PasswordModal
        open={password.open}
        purpose={password.purpose}
        user={password.user}
        onClose={() => setPassword((p) => ({ ...p, open: false }))}
      />
    </>
  );
}

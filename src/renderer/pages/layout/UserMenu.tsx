import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/labels';
import { useSession, useSignedIn } from '../../session/session-context';

/** Who is signed in, and the account actions: change password, lock, sign out. */
export function UserMenu() {
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const { lockNow, signOut } = useSession();

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'lock', icon: <LockOutlined />, label: '锁定屏幕' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'lock') lockNow();
    if (key === 'logout') void signOut().then(() => navigate('/login', { replace: true }));
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" className="user-menu-trigger" aria-label="账户菜单">
        <Avatar size="small" icon={<UserOutlined />} className="user-avatar" />
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">
          {ROLE_LABELS[user.role]}
          {user.townshipName ? ` · ${user.townshipName}` : ''}
        </span>
        <DownOutlined className="user-caret" />
      </button>
    </Dropdown>
  );
}

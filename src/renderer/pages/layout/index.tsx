import { Layout, Menu } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSignedIn } from '../../session/session-context';
import { ADMIN_SUBMENU_KEY, menuItemsFor, selectedKeyOf } from './menu-items';
import { UserMenu } from './UserMenu';

/** The workstation frame: header with county and account, side menu, and the page. */
export function MainLayout() {
  const { user, county } = useSignedIn();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = selectedKeyOf(pathname);
  const inAdmin = pathname.startsWith('/admin');
  const [openKeys, setOpenKeys] = useState<string[]>(inAdmin ? [ADMIN_SUBMENU_KEY] : []);

  // Arriving at an administration page by link or address opens its submenu, so the page shows as selected.
  useEffect(() => {
    if (inAdmin) setOpenKeys((keys) => (keys.includes(ADMIN_SUBMENU_KEY) ? keys : [...keys, ADMIN_SUBMENU_KEY]));
  }, [inAdmin]);

  return (
    <Layout className="main-layout">
      <Layout.Header className="main-header">
        <div className="header-brand">
          <span className="brand-mark">兜底</span>
          <span className="header-county">{county.name}</span>
          <span className="header-product">社会救助工作台</span>
        </div>
        <UserMenu />
      </Layout.Header>
      <Layout className="main-body">
        <Layout.Sider width={200} theme="light" className="main-sider">
          <Menu
            mode="inline"
            items={menuItemsFor(user.role)}
            selectedKeys={selected ? [selected] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            onClick={({ key }) => navigate(key)}
            className="main-menu"
          />
        </Layout.Sider>
        <Layout.Content className="main-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

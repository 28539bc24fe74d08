/**
 * The lock screen: laid over the page (not a route), so whatever the user was doing is still there
 * after unlocking. Opaque, so nobody passing by reads the ledger.
 */
import { LockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { ROLE_LABELS } from '../../../shared/labels';
import { useSession, useSignedIn } from '../../session/session-context';

/**
 * Everything else on the page, open modals included, is made inert while locked: a modal's focus trap
 * would otherwise pull the keyboard away from the password field.
 */
function useLockHost(): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = document.createElement('div');
    el.className = 'lock-host';
    document.body.appendChild(el);
    const inerted: HTMLElement[] = [];
    for (const child of Array.from(document.body.children)) {
      if (child !== el && child instanceof HTMLElement && !child.inert) {
        child.inert = true;
        inerted.push(child);
      }
    }
    setHost(el);
    return () => {
      inerted.forEach((child) => (child.inert = false));
      el.remove();
    };
  }, []);
  return host;
}

export function LockScreen() {
  const host = useLockHost();
  const { user, county } = useSignedIn();
  const { unlocked, signOut } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useWrite('auth.unlock');
  const passwordRef = useRef<InputRef>(null);

  const submit = async ({ password }: { password: string }) => {
    try {
      unlocked(await unlock.mutateAsync({ password }));
    } catch (err) {
      form.setFieldValue('password', '');
      reportError(err, form);
      passwordRef.current?.focus();
    }
  };

  if (!host) return null;
  return createPortal(
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="lock-panel">
        <div className="lock-icon">
          <LockOutlined />
        </div>
        <Typography.Title level={3} id="lock-title" className="lock-title">
          屏幕已锁定
        </Typography.Title>
        <div className="lock-user">
          <span className="lock-user-name">{user.displayName}</span>
          <span className="lock-user-meta">
            {user.username} · {ROLE_LABELS[user.role]}
            {user.townshipName ? ` · ${user.townshipName}` : ''}
          </span>
        </div>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} className="lock-form">
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password ref={passwordRef} autoFocus autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={unlock.isPending}>
            解锁
          </Button>
        </Form>
        <Button type="link" className="lock-signout" onClick={() => void signOut()}>
          退出登录
        </Button>
        <div className="lock-county">{county.name} · 社会救助工作台</div>
      </div>
    </div>,
    host,
  );
}

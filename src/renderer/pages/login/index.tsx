import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { AuthCard } from '../../components/AuthCard';
import { enterMovesOn } from '../../components/enter-moves-on';
import { useSession } from '../../session/session-context';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const navigate = useNavigate();
  const { knownCountyName, signedIn } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const passwordRef = useRef<InputRef>(null);
  const login = useWrite('auth.login');

  const submit = async (values: LoginValues) => {
    setProblem(null);
    try {
      const info = await login.mutateAsync(values);
      signedIn(info);
      navigate('/', { replace: true });
    } catch (err) {
      // What the server says about the sign-in itself belongs above the form; faults go the usual way.
      if (isApiError(err) && err.code !== 'INTERNAL' && err.code !== 'NETWORK') {
        setProblem(err.message);
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      } else {
        reportError(err);
      }
    }
  };

  return (
    <AuthCard title="登录" subtitle={knownCountyName ?? '请使用本人账户登录'}>
      {problem && <Alert type="error" showIcon title={problem} className="auth-alert" role="alert" />}
      <Form<LoginValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} onKeyDown={enterMovesOn} requiredMark={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true }]}>
          <Input.Password ref={passwordRef} prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/recover">忘记管理员密码？</Link>
      </div>
    </AuthCard>
  );
}

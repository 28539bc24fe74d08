import { App, Button, Form, Input } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { AuthCard } from '../../components/AuthCard';
import { enterMovesOn } from '../../components/enter-moves-on';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface RecoverValues {
  recoveryCode: string;
  username: string;
  newPassword: string;
  confirmPassword: string;
}

/** The administrator's way back in: the recovery code printed at setup opens the ledger. */
export function RecoverPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecoverValues>();
  const recover = useWrite('auth.recover');

  const submit = async (values: RecoverValues) => {
    try {
      await recover.mutateAsync({ recoveryCode: values.recoveryCode, username: values.username, newPassword: values.newPassword });
      message.success('管理员密码已重设，请用新密码登录');
      navigate('/login', { replace: true });
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <AuthCard title="重设管理员密码" subtitle="凭初始设置时打印的恢复码，为系统管理员设置新密码" width={460}>
      <Form<RecoverValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} onKeyDown={enterMovesOn}>
        <Form.Item name="recoveryCode" label="恢复码" rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus autoComplete="off" className="mono-input" placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX" maxLength={64} />
        </Form.Item>
        <Form.Item name="username" label="管理员用户名" rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block size="large" loading={recover.isPending}>
          重设密码
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/login">返回登录</Link>
      </div>
    </AuthCard>
  );
}

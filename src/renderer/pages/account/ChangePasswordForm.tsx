import { App, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { enterMovesOn } from '../../components/enter-moves-on';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useSession } from '../../session/session-context';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing one's own password; afterwards the session is read again (the forced flag clears) and home. */
export function ChangePasswordForm() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { refreshSession } = useSession();
  const [form] = Form.useForm<PasswordValues>();
  const change = useWrite('auth.changePassword');

  const submit = async (values: PasswordValues) => {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success('密码已修改，下次登录请使用新密码');
      await refreshSession();
      navigate('/', { replace: true });
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} onKeyDown={enterMovesOn}>
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true }]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        修改密码
      </Button>
    </Form>
  );
}

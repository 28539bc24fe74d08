/** Setting a password for someone else: a reset, or re-enabling a disabled account (needs a temporary one). */
import { Alert, App, Form, Input } from 'antd';
import type { User } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { PASSWORD_HINT } from '../../components/form-rules';

export type PasswordPurpose = 'reset' | 'enable';

interface Props {
  open: boolean;
  purpose: PasswordPurpose;
  user: User | null;
  onClose: () => void;
}

export function PasswordModal({ open, purpose, user, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useWrite('users.resetPassword', ['users.list']);
  const enable = useWrite('users.setActive', ['users.list', 'workspace.overview']);
  const enabling = purpose === 'enable';

  const submit = async ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    try {
      if (enabling) {
        await enable.mutateAsync({ id: user.id, active: true, newPassword });
        message.success(`已启用用户 ${user.username}，请将临时密码告知本人，首次登录时须修改`);
      } else {
        await reset.mutateAsync({ id: user.id, newPassword });
        message.success(`已重置 ${user.username} 的密码，下次登录时须修改`);
      }
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<{ newPassword: string }>
      open={open}
      title={user ? `${enabling ? '启用账户' : '重置密码'}：${user.displayName}（${user.username}）` : ''}
      okText={enabling ? '启用' : '重置'}
      form={form}
      saving={reset.isPending || enable.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Alert
        type="info"
        showIcon
        className="modal-alert"
        title={enabling ? '停用时已作废原密码，启用需设置一个临时密码。' : '重置后原密码立即失效。'}
        description="请将密码当面或电话告知本人；本人下次登录时须修改为只有自己知道的密码。"
      />
      <Form.Item name="newPassword" label={enabling ? '临时密码' : '新密码'} extra={PASSWORD_HINT} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

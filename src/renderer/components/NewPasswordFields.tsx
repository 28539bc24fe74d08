import { Form, Input } from 'antd';
import { PASSWORD_HINT, sameAs } from './form-rules';

/** A new password with its confirmation: the rules hint, and the check that both agree. */
export function NewPasswordFields({ name = 'newPassword', label = '新密码', confirmLabel = '确认新密码' }: { name?: string; label?: string; confirmLabel?: string }) {
  return (
    <>
      <Form.Item name={name} label={label} extra={PASSWORD_HINT} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={confirmLabel} dependencies={[name]} rules={[{ required: true, message: `请再次输入${label}` }, sameAs(name)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

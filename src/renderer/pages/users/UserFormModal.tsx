/** Creating an account, or editing its name, role and township. */
import { App, Form, Input, Select } from 'antd';
import type { User } from '../../../shared/api/contract';
import { ROLES, isTownshipBound, type Role } from '../../../shared/domain/roles';
import { ROLE_LABELS } from '../../../shared/labels';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { PASSWORD_HINT } from '../../components/form-rules';

interface UserValues {
  username: string;
  displayName: string;
  role: Role;
  townshipId?: string;
  password: string;
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const INVALIDATES = ['users.list', 'workspace.overview'] as const;

interface Props {
  open: boolean;
  /** The account to edit, or null to create one. */
  editing: User | null;
  onClose: () => void;
}

export function UserFormModal({ open, editing, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const role = Form.useWatch('role', form);
  const townships = useRead('regions.townships', {}, { enabled: open });
  const create = useWrite('users.create', INVALIDATES);
  const update = useWrite('users.update', INVALIDATES);
  const needsTownship = role !== undefined && isTownshipBound(role);

  const submit = async (values: UserValues) => {
    const townshipId = isTownshipBound(values.role) ? (values.townshipId ?? null) : null;
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, displayName: values.displayName, role: values.role, townshipId });
        message.success(`已保存用户 ${editing.username}`);
      } else {
        const user = await create.mutateAsync({
          username: values.username,
          displayName: values.displayName,
          role: values.role,
          townshipId,
          password: values.password,
        });
        message.success(`已创建用户 ${user.username}，首次登录时须修改初始密码`);
      }
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  const townshipOptions = (townships.data ?? []).map((t) => ({
    value: t.id,
    label: t.active ? t.name : `${t.name}（已停用）`,
    disabled: !t.active && t.id !== editing?.townshipId,
  }));

  return (
    <FormModal<UserValues>
      open={open}
      title={editing ? `编辑用户：${editing.username}` : '新建用户'}
      okText={editing ? '保存' : '创建'}
      form={form}
      initialValues={
        editing
          ? { username: editing.username, displayName: editing.displayName, role: editing.role, townshipId: editing.townshipId ?? undefined }
          : undefined
      }
      saving={create.isPending || update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      {editing ? (
        <Form.Item label="用户名">
          <Input value={editing.username} disabled />
        </Form.Item>
      ) : (
        <Form.Item name="username" label="用户名" extra="字母开头，2–32 位字母、数字、下划线、点或连字符" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true }, { max: 20 }]}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true }]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      {needsTownship && (
        <Form.Item name="townshipId" label="所属乡镇" rules={[{ required: true, message: '请选择所属乡镇（街道）' }]}>
          <Select options={townshipOptions} loading={townships.isPending} placeholder="请选择乡镇（街道）" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      {!editing && (
        <Form.Item name="password" label="初始密码" extra={`${PASSWORD_HINT}；用户首次登录时须修改`} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

import { Alert, App, Form, Input } from 'antd';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../app/format';

interface RestoreValues {
  password: string;
}

/**
 * Restoring replaces the whole ledger: the administrator confirms with the password, sees what will be
 * undone, and afterwards everyone signs in again.
 */
export function RestoreModal({ file, onClose }: { file: { path: string; fileName: string; createdAt: string | null } | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const { dropSession } = useSession();
  const [form] = Form.useForm<RestoreValues>();
  const restore = useWrite('backup.restore');

  const submit = async (values: RestoreValues) => {
    if (!file) return;
    try {
      const result = await restore.mutateAsync({ path: file.path, password: values.password });
      onClose();
      modal.success({
        title: '已从备份恢复台账',
        content: (
          <>
            <p>
              台账已恢复到 {formatDateTime(result.backupCreatedAt)} 备份时的状态（{result.restoredFrom}）。
            </p>
            {result.previousKeptIn && <p>恢复前的台账已保留在：{result.previousKeptIn}</p>}
            <p>所有用户须重新登录，密码为备份时的密码。</p>
          </>
        ),
        okText: '重新登录',
        onOk: () => dropSession(),
      });
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<RestoreValues> open={file !== null} title="从备份恢复台账" okText="确认恢复" form={form} saving={restore.isPending} width={560} onCancel={onClose} onFinish={(v) => void submit(v)}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`用 ${file?.fileName ?? ''} 替换当前台账`}
        description={
          <>
            备份{file?.createdAt ? `（${formatDateTime(file.createdAt)}）` : ''}之后的全部登记、审批和修改都会撤回。恢复前先完整校验备份，校验不通过不会动当前台账；当前台账保留在数据目录的“恢复前的台账”文件夹中。恢复后所有用户须重新登录。
          </>
        }
      />
      <Form.Item name="password" label="请输入您的密码确认" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
    </FormModal>
  );
}

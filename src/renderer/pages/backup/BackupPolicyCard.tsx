import { App, Button, Card, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useEffect } from 'react';
import type { BackupPolicy } from '../../../shared/api/backup.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { enterMovesOn } from '../../components/enter-moves-on';

/** Where backups go and whether one is made every day. */
export function BackupPolicyCard({ policy }: { policy: BackupPolicy }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupPolicy>();
  const save = useWrite('backup.setPolicy', ['backup.status']);
  const daily = Form.useWatch('daily', form);
  useEffect(() => form.setFieldsValue(policy), [form, policy]);

  const submit = async (values: BackupPolicy) => {
    try {
      await save.mutateAsync({ ...values, folder: values.folder?.trim() ? values.folder.trim() : null });
      message.success('备份设置已保存');
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <Card title="备份位置与自动备份" size="small">
      <Form<BackupPolicy>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '150px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={policy}
        onFinish={(v) => void submit(v)}
        onKeyDown={enterMovesOn}
      >
        <Form.Item
          name="folder"
          label="备份文件夹"
          extra="本电脑上的完整路径，建议用专用U盘，如 E:\台账备份。备份已加密，须凭本台账的密码才能打开。"
          rules={[{ required: daily === true, whitespace: true, message: '自动备份须填写备份文件夹' }]}
        >
          <Input placeholder="如 E:\台账备份" autoComplete="off" maxLength={1000} />
        </Form.Item>
        <Form.Item name="daily" label="每天自动备份" valuePropName="checked" extra="程序打开时每天备份一次；到点时电脑未开，则在下次登录后补做">
          <Switch />
        </Form.Item>
        <Form.Item label="备份时间" required>
          <Space>
            <Form.Item name="time" noStyle rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '时间格式应为 HH:MM，如 17:30' }]}>
              <Input style={{ width: 100 }} placeholder="17:30" maxLength={5} />
            </Form.Item>
            <span className="muted">之后</span>
          </Space>
        </Form.Item>
        <Form.Item name="keep" label="保留自动备份" extra="只清理自动备份；手动备份由您自行保管" rules={[{ required: true, message: '请填写保留份数' }]}>
          <InputNumber min={1} max={365} precision={0} suffix="份" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存备份设置
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

import { App, Button, Card, Form, Input, InputNumber, Skeleton } from 'antd';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { enterMovesOn } from '../../components/enter-moves-on';
import { PageTitle } from '../../components/PageTitle';
import { useSession } from '../../session/session-context';

interface SettingsValues {
  countyName: string;
  idleLockMinutes: number;
}

export function SettingsPage() {
  const { message } = App.useApp();
  const { refreshSession } = useSession();
  const settings = useRead('settings.get', {});
  const update = useWrite('settings.update', ['settings.get', 'workspace.overview']);
  const [form] = Form.useForm<SettingsValues>();

  const submit = async (values: SettingsValues) => {
    try {
      await update.mutateAsync(values);
      // The header's county name and the idle lock come with the session.
      await refreshSession();
      message.success('设置已保存');
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <>
      <PageTitle title="系统设置" note="本台账的县级信息和安全设置" />
      <Card className="narrow-card wide">
        {settings.data ? (
          <Form<SettingsValues>
            form={form}
            layout="horizontal"
            labelCol={{ flex: '180px' }}
            wrapperCol={{ flex: 'auto' }}
            initialValues={{ countyName: settings.data.county.name, idleLockMinutes: settings.data.idleLockMinutes }}
            onFinish={(v) => void submit(v)}
            onKeyDown={enterMovesOn}
          >
            <Form.Item name="countyName" label="县（市、区）名称" rules={[{ required: true, whitespace: true }, { max: 40 }]}>
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item label="县级代码" extra="创建台账时确定，不能修改">
              <Input value={settings.data.county.code} readOnly className="readonly-input" />
            </Form.Item>
            <Form.Item
              name="idleLockMinutes"
              label="无操作自动锁屏（分钟）"
              extra="超过这段时间没有键盘或鼠标操作，屏幕自动锁定，须输入密码解锁"
              rules={[{ required: true, message: '请输入锁屏时间' }]}
            >
              <InputNumber min={1} max={240} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                保存
              </Button>
            </Form.Item>
          </Form>
        ) : (
          <Skeleton active />
        )}
      </Card>
    </>
  );
}

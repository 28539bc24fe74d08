import { App, Form, Input, Switch } from 'antd';
import type { Township } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';

interface TownshipValues {
  code: string;
  name: string;
  active: boolean;
}

interface Props {
  /** The township to edit, or null to add one. */
  editing: Township | null;
  open: boolean;
  countyCode: string;
  onClose: () => void;
  onSaved: (township: Township) => void;
}

export function TownshipModal({ editing, open, countyCode, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TownshipValues>();
  const save = useWrite('regions.saveTownship', ['regions.townships', 'workspace.overview']);

  const submit = async (values: TownshipValues) => {
    try {
      const saved = await save.mutateAsync({ ...(editing ? { id: editing.id } : {}), ...values });
      message.success(editing ? '乡镇（街道）已保存' : `已新增乡镇（街道）：${saved.name}`);
      onSaved(saved);
    } catch (err) {
      reportError(err, form);
    }
  };

  const initialValues: TownshipValues = editing
    ? { code: editing.code, name: editing.name, active: editing.active }
    : { code: countyCode, name: '', active: true };

  return (
    <FormModal<TownshipValues>
      open={open}
      title={editing ? `编辑乡镇（街道）：${editing.name}` : '新增乡镇（街道）'}
      okText="保存"
      form={form}
      initialValues={initialValues}
      saving={save.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="code"
        label="代码"
        extra={`9 位，以本县代码 ${countyCode} 开头`}
        rules={[{ required: true }, { pattern: /^\d{9}$/, message: '乡镇（街道）代码应为 9 位数字' }]}
      >
        <Input maxLength={9} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true }, { max: 40 }]}>
        <Input maxLength={40} autoComplete="off" placeholder="如 青山镇" />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked">
        <Switch checkedChildren="启用" unCheckedChildren="停用" />
      </Form.Item>
    </FormModal>
  );
}

import { App, Form, Input, Radio, Switch } from 'antd';
import { VILLAGE_KINDS, type Township, type Village } from '../../../shared/api/contract';
import { VILLAGE_KIND_LABELS } from '../../../shared/labels';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';

interface VillageValues {
  code: string;
  name: string;
  kind: Village['kind'];
  active: boolean;
}

interface Props {
  township: Township;
  /** The village to edit, or null to add one. */
  editing: Village | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function VillageModal({ township, editing, open, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageValues>();
  const save = useWrite('regions.saveVillage', ['regions.villages', 'regions.townships', 'workspace.overview']);

  const submit = async (values: VillageValues) => {
    try {
      const saved = await save.mutateAsync({ ...(editing ? { id: editing.id } : {}), townshipId: township.id, ...values });
      message.success(editing ? '村（社区）已保存' : `已新增${VILLAGE_KIND_LABELS[saved.kind]}：${saved.name}`);
      onSaved();
    } catch (err) {
      reportError(err, form);
    }
  };

  const initialValues: VillageValues = editing
    ? { code: editing.code, name: editing.name, kind: editing.kind, active: editing.active }
    : { code: township.code, name: '', kind: 'village', active: true };

  return (
    <FormModal<VillageValues>
      open={open}
      title={editing ? `编辑村（社区）：${editing.name}` : `新增村（社区） · ${township.name}`}
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
        extra={`12 位，以${township.name}代码 ${township.code} 开头`}
        rules={[{ required: true }, { pattern: /^\d{12}$/, message: '村（社区）代码应为 12 位数字' }]}
      >
        <Input maxLength={12} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true }, { max: 40 }]}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Radio.Group options={VILLAGE_KINDS.map((k) => ({ value: k, label: VILLAGE_KIND_LABELS[k] }))} optionType="button" />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked">
        <Switch checkedChildren="启用" unCheckedChildren="停用" />
      </Form.Item>
    </FormModal>
  );
}

/** Adding or editing a 儿童主任: township (a township clerk's own), village, name, phone, active. */
import { Form, Input, Switch } from 'antd';
import type { ChildDirector } from '../../../shared/api/care.schemas';
import { useWrite } from '../../api/queries';
import { SaveFormModal } from '../../components/SaveFormModal';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { VillageSelect } from '../../components/ledger/VillageSelect';
import { CARE_WRITES } from './invalidates';

interface DirectorValues {
  townshipId: string;
  villageId?: string | null;
  name: string;
  phone?: string;
  active: boolean;
}

interface Props {
  open: boolean;
  /** The director to edit, or null to add one. */
  editing: ChildDirector | null;
  fixedTownshipId: string | null;
  onClose: () => void;
}

export function DirectorModal({ open, editing, fixedTownshipId, onClose }: Props) {
  const [form] = Form.useForm<DirectorValues>();
  const townshipId = Form.useWatch('townshipId', form);
  const save = useWrite('care.directors.save', CARE_WRITES);

  const initialValues: Partial<DirectorValues> = editing
    ? { townshipId: editing.townshipId, villageId: editing.villageId, name: editing.name, phone: editing.phone ?? undefined, active: editing.active }
    : { townshipId: fixedTownshipId ?? undefined, villageId: null, active: true };

  return (
    <SaveFormModal<DirectorValues>
      open={open}
      title={editing ? `编辑儿童主任：${editing.name}` : '新增儿童主任'}
      form={form}
      initialValues={initialValues}
      saving={save.isPending}
      save={(values) =>
        save.mutateAsync({
          ...(editing ? { id: editing.id } : {}),
          townshipId: values.townshipId,
          villageId: values.villageId ?? null,
          name: values.name,
          phone: values.phone?.trim() || null,
          active: values.active,
        })
      }
      saved={(values) => (editing ? '儿童主任已保存' : `已新增儿童主任：${values.name.trim()}`)}
      onClose={onClose}
    >
      <Form.Item name="townshipId" label="乡镇（街道）" rules={[{ required: true, message: '请选择乡镇（街道）' }]}>
        <TownshipSelect disabled={fixedTownshipId !== null} onChange={() => form.setFieldValue('villageId', null)} />
      </Form.Item>
      <Form.Item name="villageId" label="村（社区）" extra="不选则为乡镇（街道）层面的儿童督导员">
        <VillageSelect townshipId={townshipId} keepId={editing?.villageId} />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写儿童主任姓名' }, { max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label="电话" rules={[{ max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="active" label="在岗" valuePropName="checked">
        <Switch checkedChildren="在岗" unCheckedChildren="停用" />
      </Form.Item>
    </SaveFormModal>
  );
}

/** 新建救助记录 and 编辑: the same fields; an edit of a record that has left carries its leaving fields too. */
import { App, Form } from 'antd';
import dayjs from 'dayjs';
import type { RescueDetail } from '../../../shared/api/vagrant.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { VAGRANT_WRITES } from './invalidates';
import { rescueInput, rescueValuesOf, type RescueValues } from './rescue-fields';
import { RescueFieldItems } from './RescueFieldItems';

interface Props {
  open: boolean;
  /** The record edited, or null for a new one. */
  record: RescueDetail | null;
  fixedTownshipId: string | null;
  onClose: () => void;
  /** Called with the saved record's id, so the page can open it. */
  onSaved: (id: string) => void;
}

export function RescueFormModal({ open, record, fixedTownshipId, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RescueValues>();
  const create = useWrite('vagrant.create', VAGRANT_WRITES);
  const update = useWrite('vagrant.update', VAGRANT_WRITES);

  const submit = async (values: RescueValues) => {
    try {
      if (record) {
        await update.mutateAsync({ ...rescueInput(values), id: record.id, version: record.version });
        message.success(`已保存：${record.rescueNo}`);
        onSaved(record.id);
      } else {
        const saved = await create.mutateAsync(rescueInput(values));
        message.success(`已登记，救助编号 ${saved.rescueNo}`);
        onSaved(saved.id);
      }
    } catch (err) {
      reportError(err, form);
    }
  };

  const fresh: Partial<RescueValues> = { townshipId: fixedTownshipId ?? undefined, foundOn: dayjs(), admittedOn: dayjs(), identityKnown: true, services: ['food_lodging'] };
  return (
    <FormModal<RescueValues>
      open={open}
      title={record ? `编辑救助记录：${record.rescueNo}` : '新建救助记录'}
      okText={record ? '保存' : '登记'}
      form={form}
      width={760}
      initialValues={record ? rescueValuesOf(record) : fresh}
      saving={create.isPending || update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <RescueFieldItems form={form} fixedTownshipId={fixedTownshipId} withLeaving={record !== null && record.leftOn !== null} />
    </FormModal>
  );
}

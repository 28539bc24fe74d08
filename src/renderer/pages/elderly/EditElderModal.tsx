/** 修改档案: the difficulties and the contact, with the reason for the change. */
import { App, Form } from 'antd';
import type { ElderDetail } from '../../../shared/api/elderly.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { ReasonField } from '../../components/ledger/ReasonField';
import { ElderFieldItems, elderFieldsInput, type ElderFieldValues } from './ElderFieldItems';
import { ELDER_WRITES } from './invalidates';

type EditValues = ElderFieldValues & { reason: string };

interface Props {
  open: boolean;
  elder: ElderDetail;
  onClose: () => void;
}

export function EditElderModal({ open, elder, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useWrite('elderly.elders.update', ELDER_WRITES);

  const submit = async (values: EditValues) => {
    try {
      await update.mutateAsync({ personId: elder.personId, ...elderFieldsInput(values), reason: values.reason });
      message.success('档案已保存');
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<EditValues>
      open={open}
      title={`修改档案：${elder.name}`}
      okText="保存"
      form={form}
      width={640}
      initialValues={{ difficulties: elder.difficulties, contactName: elder.contactName ?? undefined, contactPhone: elder.contactPhone ?? undefined }}
      saving={update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <ElderFieldItems />
      <ReasonField placeholder="如：老伴去世后独居、入户核实后更正" />
    </FormModal>
  );
}

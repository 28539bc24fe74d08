/** 修改档案: the same fields as registering, with the reason for the change. */
import { App, Form } from 'antd';
import type { ChildDetail } from '../../../shared/api/care.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { ReasonField } from '../../components/ledger/ReasonField';
import { ChildFieldItems } from './ChildFieldItems';
import { childFieldsInput, childFieldValuesOf, type ChildFieldValues } from './child-fields';
import { CARE_WRITES } from './invalidates';

type EditValues = ChildFieldValues & { reason: string };

interface Props {
  open: boolean;
  child: ChildDetail;
  onClose: () => void;
}

export function EditChildModal({ open, child, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useWrite('care.children.update', CARE_WRITES);

  const submit = async (values: EditValues) => {
    try {
      await update.mutateAsync({ personId: child.personId, ...childFieldsInput(values), reason: values.reason });
      message.success('档案已保存');
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<EditValues>
      open={open}
      title={`修改档案：${child.name}`}
      okText="保存"
      form={form}
      width={760}
      initialValues={childFieldValuesOf(child.fields)}
      saving={update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <ChildFieldItems place={{ townshipId: child.townshipId, villageName: child.villageName }} keepDirectorId={child.fields.directorId} />
      <ReasonField placeholder="如：监护人变更、入户核实后更正" />
    </FormModal>
  );
}

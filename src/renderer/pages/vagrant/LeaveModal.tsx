/** 离站登记: the day the person left, where they went and, for 护送返乡 or 转送, the destination. */
import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { RescueDetail } from '../../../shared/api/vagrant.schemas';
import { rescueTitle, type RescueOutcome } from '../../../shared/domain/vagrant';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { VAGRANT_WRITES } from './invalidates';
import { LeaveFieldItems } from './LeaveFieldItems';
import { recordInput } from './rescue-fields';

interface LeaveValues {
  leftOn: Dayjs;
  outcome: RescueOutcome;
  destination?: string;
}

interface Props {
  open: boolean;
  record: RescueDetail;
  onClose: () => void;
}

export function LeaveModal({ open, record, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaveValues>();
  const update = useWrite('vagrant.update', VAGRANT_WRITES);

  const submit = async (values: LeaveValues) => {
    try {
      await update.mutateAsync({
        ...recordInput(record),
        id: record.id,
        version: record.version,
        leftOn: values.leftOn.format('YYYY-MM-DD'),
        outcome: values.outcome,
        destination: values.destination?.trim() || null,
      });
      message.success(`已登记离站：${record.rescueNo}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<LeaveValues>
      open={open}
      title={`离站登记：${rescueTitle(record)}（${record.rescueNo}）`}
      okText="登记离站"
      form={form}
      width={680}
      initialValues={{ leftOn: dayjs() }}
      saving={update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <LeaveFieldItems />
    </FormModal>
  );
}

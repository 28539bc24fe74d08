/** 结案: the child leaves the care ledger (aged out, moved away, no longer in difficulty); visits stop being due. */
import { App, AutoComplete, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ChildDetail } from '../../../shared/api/care.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CLOSE_REASON_OPTIONS } from './care-options';
import { afterToday, isoOf } from './date-field';
import { CARE_WRITES } from './invalidates';

interface CloseValues {
  closedOn: Dayjs;
  reason: string;
}

interface Props {
  open: boolean;
  child: ChildDetail;
  onClose: () => void;
}

export function CloseChildModal({ open, child, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useWrite('care.children.close', CARE_WRITES);

  const submit = async (values: CloseValues) => {
    try {
      await close.mutateAsync({ personId: child.personId, closedOn: isoOf(values.closedOn), reason: values.reason });
      message.success(`已结案：${child.name}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<CloseValues>
      open={open}
      title={`结案：${child.name}`}
      okText="结案"
      form={form}
      initialValues={{ closedOn: dayjs() }}
      saving={close.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="closedOn" label="结案日期" rules={[{ required: true, message: '请选择结案日期' }]}>
        <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="结案原因"
        rules={[
          { required: true, whitespace: true, message: '请填写结案原因' },
          { min: 2, message: '请写明结案原因（至少 2 个字）' },
          { max: 200 },
        ]}
      >
        <AutoComplete options={CLOSE_REASON_OPTIONS} showSearch={{ filterOption: true }} placeholder="可选择或直接填写" />
      </Form.Item>
    </FormModal>
  );
}

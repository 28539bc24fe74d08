/** 结案 of a care file (a child's, an elder's): the day and the reason; visits stop being due. */
import { App, AutoComplete, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodName } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { afterToday, isoOf } from '../../app/date-field';
import { FormModal } from '../FormModal';

interface CloseValues {
  closedOn: Dayjs;
  reason: string;
}

interface Props {
  open: boolean;
  /** Both take { personId, closedOn, reason }. */
  method: 'care.children.close' | 'elderly.elders.close';
  writes: readonly MethodName[];
  person: { personId: string; name: string };
  /** Usual reasons to pick from; free text is allowed too. */
  reasons: readonly { value: string }[];
  onClose: () => void;
}

export function CloseFileModal({ open, method, writes, person, reasons, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useWrite(method, writes);

  const submit = async (values: CloseValues) => {
    try {
      await close.mutateAsync({ personId: person.personId, closedOn: isoOf(values.closedOn), reason: values.reason });
      message.success(`已结案：${person.name}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<CloseValues>
      open={open}
      title={`结案：${person.name}`}
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
        <AutoComplete options={[...reasons]} showSearch={{ filterOption: true }} placeholder="可选择或直接填写" />
      </Form.Item>
    </FormModal>
  );
}

/** 结案: the elder leaves the file (moved into an institution, moved away, died); visits stop being due. */
import { App, AutoComplete, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ElderDetail } from '../../../shared/api/elderly.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { afterToday, isoOf } from '../care/date-field';
import { CLOSE_REASON_OPTIONS } from './elderly-options';
import { ELDER_WRITES } from './invalidates';

interface CloseValues {
  closedOn: Dayjs;
  reason: string;
}

interface Props {
  open: boolean;
  elder: ElderDetail;
  onClose: () => void;
}

export function CloseElderModal({ open, elder, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useWrite('elderly.elders.close', ELDER_WRITES);

  const submit = async (values: CloseValues) => {
    try {
      await close.mutateAsync({ personId: elder.personId, closedOn: isoOf(values.closedOn), reason: values.reason });
      message.success(`已结案：${elder.name}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<CloseValues>
      open={open}
      title={`结案：${elder.name}`}
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

/** 新增日期: marks one date as a day off or a make-up working day; saving an existing date changes it. */
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { isWeekend, KIND_LABELS } from './day-labels';

interface DayValues {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  name?: string;
}

interface Props {
  open: boolean;
  /** The year shown on the page; the date picker opens on it. */
  year: number;
  onClose: () => void;
  onSaved: (year: number) => void;
}

export function CalendarDayModal({ open, year, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const save = useWrite('calendar.saveDay', ['calendar.year']);

  const submit = async (values: DayValues) => {
    const date = values.date.format('YYYY-MM-DD');
    try {
      await save.mutateAsync({ date, kind: values.kind, name: values.name?.trim() ?? '' });
      message.success(`已将 ${date} 设为${KIND_LABELS[values.kind]}`);
      onSaved(values.date.year());
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  const workdayOnWeekend = async (_: unknown, date: Dayjs | undefined) => {
    if (!date || form.getFieldValue('kind') !== 'workday' || isWeekend(date.format('YYYY-MM-DD'))) return;
    throw new Error('调休上班的日期应为周六或周日');
  };

  return (
    <FormModal<DayValues>
      open={open}
      title="新增日期"
      okText="保存"
      form={form}
      initialValues={{ kind: 'holiday' }}
      saving={save.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="date"
        label="日期"
        dependencies={['kind']}
        extra="该日期已有安排时，保存即改为新的安排"
        rules={[{ required: true, message: '请选择日期' }, { validator: workdayOnWeekend }]}
      >
        <DatePicker format="YYYY-MM-DD" style={{ width: 220 }} defaultPickerValue={dayjs(`${year}-01-01`)} />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group
          options={[
            { value: 'holiday', label: '放假' },
            { value: 'workday', label: '调休上班' },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ max: 20, message: '名称不超过 20 个字' }]}>
        <Input maxLength={20} autoComplete="off" placeholder="如：春节" style={{ width: 220 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 登记认证: one survival check of a 高龄津贴 beneficiary for the half-year; a death needs its date. */
import { App, DatePicker, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SurvivalRow } from '../../../shared/api/elderly.schemas';
import { periodLabel, periodStart, type SurvivalMethod, type SurvivalResult } from '../../../shared/domain/elderly';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { isoOf } from '../../app/date-field';
import { METHOD_OPTIONS, RESULT_OPTIONS } from './elderly-options';
import { SURVIVAL_WRITES } from './invalidates';

interface CheckValues {
  checkedOn: Dayjs;
  method: SurvivalMethod;
  result: SurvivalResult;
  deceasedOn?: Dayjs;
}

interface Props {
  /** The beneficiary checked; null while the modal is closed. */
  row: SurvivalRow | null;
  period: string;
  onClose: () => void;
}

export function SurvivalModal({ row, period, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckValues>();
  const record = useWrite('elderly.survival.record', SURVIVAL_WRITES);
  const result = Form.useWatch('result', form);
  const start = dayjs(periodStart(period));
  const outside = (day: Dayjs) => day.isAfter(dayjs(), 'day') || day.isBefore(start, 'day');

  const submit = async (values: CheckValues) => {
    if (!row) return;
    try {
      await record.mutateAsync({
        personId: row.personId,
        period,
        checkedOn: isoOf(values.checkedOn),
        method: values.method,
        result: values.result,
        deceasedOn: values.result === 'deceased' && values.deceasedOn ? isoOf(values.deceasedOn) : null,
      });
      message.success(`已登记：${row.name}${periodLabel(period)}生存认证`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<CheckValues>
      open={row !== null}
      title={row ? `登记生存认证：${row.name}（${periodLabel(period)}）` : '登记生存认证'}
      okText="保存"
      form={form}
      initialValues={{ checkedOn: dayjs().isBefore(start) ? start : dayjs(), method: 'face', result: 'alive' }}
      saving={record.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="checkedOn" label="认证日期" rules={[{ required: true, message: '请选择认证日期' }]} extra={`${periodLabel(period)}自 ${periodStart(period)} 起；逾期补认证的，按实际日期登记`}>
        <DatePicker disabledDate={outside} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="method" label="认证方式" rules={[{ required: true, message: '请选择认证方式' }]}>
        <Radio.Group options={METHOD_OPTIONS} optionType="button" />
      </Form.Item>
      <Form.Item name="result" label="认证结果" rules={[{ required: true, message: '请选择认证结果' }]}>
        <Radio.Group options={RESULT_OPTIONS} />
      </Form.Item>
      {result === 'deceased' && (
        <Form.Item name="deceasedOn" label="死亡日期" rules={[{ required: true, message: '请选择死亡日期' }]} extra="停发未认证人员时，高龄津贴发放至死亡当月">
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 更新状态: the organisation answered, began serving or finished; closing records the outcome. */
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReferralDetail } from '../../../shared/api/referrals.schemas';
import { needsOutcome, REFERRAL_STATUS_LABELS, STATUS_MOVES, type ReferralStatus } from '../../../shared/domain/referrals';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { REFERRAL_WRITES } from './invalidates';

interface UpdateValues {
  status: ReferralStatus;
  onDate: Dayjs;
  note?: string;
  outcome?: string;
}

interface Props {
  open: boolean;
  referral: ReferralDetail;
  onClose: () => void;
}

export function UpdateStatusModal({ open, referral, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateValues>();
  const status = Form.useWatch('status', form);
  const update = useWrite('referrals.update', REFERRAL_WRITES);
  const moves = STATUS_MOVES[referral.status];
  const lastOn = referral.events.at(-1)?.onDate ?? referral.referredOn;

  const submit = async (values: UpdateValues) => {
    try {
      await update.mutateAsync({
        id: referral.id,
        version: referral.version,
        status: values.status,
        onDate: values.onDate.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
        outcome: needsOutcome(values.status) ? values.outcome?.trim() || null : null,
      });
      message.success(`已更新为：${REFERRAL_STATUS_LABELS[values.status]}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  // Neither in the future nor before the last move: the history reads in order.
  const outside = (day: Dayjs) => day.isAfter(dayjs(), 'day') || day.isBefore(dayjs(lastOn), 'day');

  return (
    <FormModal<UpdateValues>
      open={open}
      title={`更新状态：${referral.referralNo}`}
      okText="保存"
      form={form}
      width={560}
      initialValues={{ status: moves[0], onDate: dayjs() }}
      saving={update.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item label="当前状态">{REFERRAL_STATUS_LABELS[referral.status]}</Form.Item>
      <Form.Item name="status" label="改为" rules={[{ required: true, message: '请选择新的状态' }]}>
        <Radio.Group options={moves.map((value) => ({ value, label: REFERRAL_STATUS_LABELS[value] }))} optionType="button" />
      </Form.Item>
      <Form.Item name="onDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={outside} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      {status && needsOutcome(status) && (
        <Form.Item
          name="outcome"
          label={status === 'declined' ? '未接收原因' : '办理结果'}
          rules={[{ required: true, whitespace: true, message: status === 'declined' ? '请写明机构未接收的原因' : '请填写办理结果' }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={status === 'declined' ? '如：本期资助名额已满' : '如：已住院治疗出院，自付部分已减免'} />
        </Form.Item>
      )}
      <Form.Item name="note" label="办理说明" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：机构已接收，约定首次服务时间" />
      </Form.Item>
    </FormModal>
  );
}

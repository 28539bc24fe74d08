/** 登记随访: a follow-up of a discharged 心理关爱个案, and the next one (or the end of follow-up). */
import { App, Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { CASE_WRITES } from '../approvals/invalidates';
import { opinionRules } from '../approvals/opinion-rules';
import { afterToday, isoOf } from '../../app/date-field';
import { runCaseWrite } from './case-write';

interface FollowUpValues {
  onDate: Dayjs;
  note: string;
  finished: boolean;
  nextFollowUpOn?: Dayjs;
}

interface Props {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onStale: () => void;
}

export function FollowUpModal({ open, detail, onClose, onStale }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpValues>();
  const record = useWrite('cases.followUp', [...CASE_WRITES, 'cases.followUpsDue']);
  const finished = Form.useWatch('finished', form);

  const submit = (v: FollowUpValues) =>
    runCaseWrite(
      async () => {
        const next = v.finished || !v.nextFollowUpOn ? null : isoOf(v.nextFollowUpOn);
        await record.mutateAsync({ caseId: detail.id, version: detail.version, onDate: isoOf(v.onDate), note: v.note, nextFollowUpOn: next });
        return next ? `已登记随访，下次随访 ${next}` : '已登记随访，随访结束';
      },
      { form, message, onClose, onStale },
    );

  return (
    <FormModal<FollowUpValues>
      open={open}
      title="登记随访"
      okText="保存"
      form={form}
      saving={record.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
      initialValues={{ onDate: dayjs(), finished: false, nextFollowUpOn: dayjs().add(3, 'month') }}
    >
      <Form.Item name="onDate" label="随访日期" rules={[{ required: true, message: '请选择随访日期' }]}>
        <DatePicker format="YYYY-MM-DD" disabledDate={afterToday} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="note" label="随访情况" rules={opinionRules('随访情况', 2, 1000)}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder="儿童近况、情绪和学习情况、监护人反馈" />
      </Form.Item>
      <Form.Item name="finished" valuePropName="checked">
        <Checkbox>情况稳定，结束随访</Checkbox>
      </Form.Item>
      {!finished && (
        <Form.Item name="nextFollowUpOn" label="下次随访日期" rules={[{ required: true, message: '请选择下次随访日期' }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

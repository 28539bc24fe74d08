/**
 * 能力评估: a 老年人能力综合评估 (GB/T 42195-2022) as the assessing body reported it: the total (0–90) when
 * given, and the level, which the standard's adjustments may only make more severe than the total gives.
 */
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ElderDetail } from '../../../shared/api/elderly.schemas';
import { ASSESSMENT_LEVEL_LABELS, ASSESSMENT_MAX_SCORE, levelOfScore, type AssessmentLevel } from '../../../shared/domain/elderly';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { afterToday, isoOf } from '../../app/date-field';
import { LEVEL_OPTIONS } from './elderly-options';
import { ELDER_WRITES } from './invalidates';

interface AssessmentValues {
  assessedOn: Dayjs;
  assessor: string;
  organisation: string;
  score?: number | null;
  level: AssessmentLevel;
  notes?: string;
}

interface Props {
  open: boolean;
  elder: ElderDetail;
  onClose: () => void;
}

export function AssessmentModal({ open, elder, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const record = useWrite('elderly.assessments.record', ELDER_WRITES);
  const score = Form.useWatch('score', form);

  const submit = async (values: AssessmentValues) => {
    try {
      const saved = await record.mutateAsync({
        personId: elder.personId,
        assessedOn: isoOf(values.assessedOn),
        assessor: values.assessor,
        organisation: values.organisation,
        score: values.score ?? null,
        level: values.level,
        notes: values.notes?.trim() || null,
      });
      message.success(`已记录，下次评估：${saved.nextDueOn}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<AssessmentValues>
      open={open}
      title={`能力综合评估：${elder.name}`}
      okText="保存"
      form={form}
      width={560}
      initialValues={{ assessedOn: dayjs() }}
      saving={record.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="assessedOn" label="评估日期" rules={[{ required: true, message: '请选择评估日期' }]}>
        <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="organisation" label="评估机构" rules={[{ required: true, whitespace: true, message: '请填写评估机构' }, { max: 60 }]}>
        <Input maxLength={60} autoComplete="off" placeholder="如：县养老服务指导中心" />
      </Form.Item>
      <Form.Item name="assessor" label="评估人员" rules={[{ required: true, whitespace: true, message: '请填写评估人员' }, { max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="score"
        label="评估总分"
        extra={typeof score === 'number' ? `按总分应为“${ASSESSMENT_LEVEL_LABELS[levelOfScore(score)]}”；有昏迷、痴呆等情形的可评定为更重的等级` : `0–${ASSESSMENT_MAX_SCORE} 分；评估表未给出总分的可不填`}
      >
        <InputNumber min={0} max={ASSESSMENT_MAX_SCORE} precision={0} suffix="分" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="level" label="能力等级" rules={[{ required: true, message: '请选择能力等级' }]}>
        <Select options={LEVEL_OPTIONS} placeholder="请选择" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="notes" label="说明" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：需协助洗澡、穿衣；近期记忆力减退" />
      </Form.Item>
    </FormModal>
  );
}

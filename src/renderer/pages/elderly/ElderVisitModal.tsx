/** 记录探访: one visit to an elder (上门, 电话 or 视频), with what was found; the answer says when the next one is due. */
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ElderDetail } from '../../../shared/api/elderly.schemas';
import type { ElderVisitKind } from '../../../shared/domain/elderly';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { afterToday, isoOf } from '../care/date-field';
import { VISIT_KIND_OPTIONS } from './elderly-options';
import { ELDER_WRITES } from './invalidates';

interface VisitValues {
  visitedOn: Dayjs;
  kind: ElderVisitKind;
  visitor: string;
  findings: string;
  needs?: string;
  followUp?: string;
}

interface Props {
  open: boolean;
  elder: ElderDetail;
  onClose: () => void;
}

export function ElderVisitModal({ open, elder, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const record = useWrite('elderly.visits.record', ELDER_WRITES);

  const submit = async (values: VisitValues) => {
    try {
      const saved = await record.mutateAsync({
        personId: elder.personId,
        visitedOn: isoOf(values.visitedOn),
        kind: values.kind,
        visitor: values.visitor,
        findings: values.findings,
        needs: values.needs?.trim() || null,
        followUp: values.followUp?.trim() || null,
      });
      message.success(`已记录，下次应访：${saved.nextDueOn}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<VisitValues>
      open={open}
      title={`记录探访：${elder.name}`}
      okText="保存"
      form={form}
      width={600}
      initialValues={{ visitedOn: dayjs(), kind: 'home' }}
      saving={record.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="visitedOn" label="探访日期" rules={[{ required: true, message: '请选择探访日期' }]}>
        <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="kind" label="探访方式" rules={[{ required: true, message: '请选择探访方式' }]}>
        <Radio.Group options={VISIT_KIND_OPTIONS} optionType="button" />
      </Form.Item>
      <Form.Item name="visitor" label="探访人" rules={[{ required: true, whitespace: true, message: '请填写探访人' }, { max: 30 }]}>
        <Input maxLength={30} autoComplete="off" placeholder="如：村委委员、网格员姓名" />
      </Form.Item>
      <Form.Item
        name="findings"
        label="探访发现"
        rules={[
          { required: true, whitespace: true, message: '请填写探访发现' },
          { min: 2, message: '请写明探访发现（至少 2 个字）' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="老人身体、居住、生活照料和精神状况" />
      </Form.Item>
      <Form.Item name="needs" label="需求" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：助餐、取暖、家庭医生签约、适老化改造" />
      </Form.Item>
      <Form.Item name="followUp" label="后续跟进" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：已联系子女、转介到乡镇养老服务站" />
      </Form.Item>
    </FormModal>
  );
}

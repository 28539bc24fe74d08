/** 记录探访: one visit to a child, with what was found; the answer says when the next one is due. */
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ChildDetail } from '../../../shared/api/care.schemas';
import type { VisitKind } from '../../../shared/domain/care';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { VISIT_KIND_OPTIONS } from './care-options';
import { afterToday, isoOf } from './date-field';
import { CARE_WRITES } from './invalidates';

interface VisitValues {
  visitedOn: Dayjs;
  kind: VisitKind;
  visitor: string;
  findings: string;
  needs?: string;
  followUp?: string;
}

interface Props {
  open: boolean;
  child: ChildDetail;
  onClose: () => void;
}

export function VisitModal({ open, child, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const record = useWrite('care.visits.record', CARE_WRITES);

  const submit = async (values: VisitValues) => {
    try {
      const saved = await record.mutateAsync({
        childId: child.personId,
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
      title={`记录探访：${child.name}`}
      okText="保存"
      form={form}
      width={600}
      initialValues={{ visitedOn: dayjs(), kind: 'home', visitor: child.directorName ?? '' }}
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
        <Input maxLength={30} autoComplete="off" placeholder="如：儿童主任姓名" />
      </Form.Item>
      <Form.Item
        name="findings"
        label="探访发现"
        rules={[
          { required: true, whitespace: true, message: '请填写探访发现' },
          { min: 2, message: '请写明探访发现（至少 2 个字）' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="儿童生活、学习、健康和监护照料情况" />
      </Form.Item>
      <Form.Item name="needs" label="需求" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：需要学习用品、需要心理关爱" />
      </Form.Item>
      <Form.Item name="followUp" label="后续跟进" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="如：已联系学校、转介到乡镇社工站" />
      </Form.Item>
    </FormModal>
  );
}

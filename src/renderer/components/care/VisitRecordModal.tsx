/** 记录探访: one visit to a child or an elder, with what was found; the answer says when the next one is due. */
import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodName } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { afterToday, isoOf } from '../../app/date-field';
import { FormModal } from '../FormModal';

interface VisitValues {
  visitedOn: Dayjs;
  kind: string;
  visitor: string;
  findings: string;
  needs?: string;
  followUp?: string;
}

/** What both visit methods record besides whom the visit was to. */
export interface VisitRecord {
  visitedOn: string;
  kind: string;
  visitor: string;
  findings: string;
  needs: string | null;
  followUp: string | null;
}

/** The examples each field shows, in the words of its ledger. */
export interface VisitPlaceholders {
  visitor: string;
  findings: string;
  needs: string;
  followUp: string;
}

interface Props {
  open: boolean;
  method: 'care.visits.record' | 'elderly.visits.record';
  writes: readonly MethodName[];
  personId: string;
  name: string;
  kinds: readonly { value: string; label: string }[];
  defaultVisitor?: string;
  placeholders: VisitPlaceholders;
  onClose: () => void;
}

export function VisitRecordModal({ open, method, writes, personId, name, kinds, defaultVisitor, placeholders, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const record = useWrite(method, writes);

  const submit = async (values: VisitValues) => {
    const visit: VisitRecord = {
      visitedOn: isoOf(values.visitedOn),
      kind: values.kind,
      visitor: values.visitor,
      findings: values.findings,
      needs: values.needs?.trim() || null,
      followUp: values.followUp?.trim() || null,
    };
    try {
      // The child ledger names its subject childId; the elderly one personId. The kinds offered are the method's own.
      const input = method === 'care.visits.record' ? { ...visit, childId: personId } : { ...visit, personId };
      const saved = await record.mutateAsync(input as Parameters<typeof record.mutateAsync>[0]);
      message.success(`已记录，下次应访：${saved.nextDueOn}`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<VisitValues>
      open={open}
      title={`记录探访：${name}`}
      okText="保存"
      form={form}
      width={600}
      initialValues={{ visitedOn: dayjs(), kind: 'home', visitor: defaultVisitor ?? '' }}
      saving={record.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="visitedOn" label="探访日期" rules={[{ required: true, message: '请选择探访日期' }]}>
        <DatePicker disabledDate={afterToday} allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="kind" label="探访方式" rules={[{ required: true, message: '请选择探访方式' }]}>
        <Radio.Group options={[...kinds]} optionType="button" />
      </Form.Item>
      <Form.Item name="visitor" label="探访人" rules={[{ required: true, whitespace: true, message: '请填写探访人' }, { max: 30 }]}>
        <Input maxLength={30} autoComplete="off" placeholder={placeholders.visitor} />
      </Form.Item>
      <Form.Item
        name="findings"
        label="探访发现"
        rules={[
          { required: true, whitespace: true, message: '请填写探访发现' },
          { min: 2, message: '请写明探访发现（至少 2 个字）' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={placeholders.findings} />
      </Form.Item>
      <Form.Item name="needs" label="需求" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={placeholders.needs} />
      </Form.Item>
      <Form.Item name="followUp" label="后续跟进" rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={placeholders.followUp} />
      </Form.Item>
    </FormModal>
  );
}

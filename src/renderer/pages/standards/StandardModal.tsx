/** A new version of a standard from a date; saving for a date that already has one corrects that version. */
import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { STANDARD_ITEMS } from '../../../shared/domain/standards';
import { formatYuan } from '../../../shared/domain/money';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { fenOf, yuanRules } from '../../components/ledger/money-rules';

interface StandardValues {
  item: string;
  amount: string;
  effectiveFrom: Dayjs;
  note?: string;
}

const ITEM_OPTIONS = STANDARD_ITEMS.map((s) => ({ value: s.item, label: s.label }));

export function StandardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StandardValues>();
  const save = useWrite('standards.save', ['standards.list', 'households.get', 'ledger.list']);

  const submit = async (values: StandardValues) => {
    try {
      const saved = await save.mutateAsync({
        item: values.item,
        amountFen: fenOf(values.amount),
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
      });
      message.success(`已保存${saved.label}：${formatYuan(saved.amountFen)} 元，${saved.effectiveFrom} 起执行`);
      onClose();
    } catch (err) {
      reportError(err, form);
    }
  };

  return (
    <FormModal<StandardValues>
      open={open}
      title="新增标准"
      okText="保存"
      form={form}
      saving={save.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Alert
        type="info"
        showIcon
        className="modal-alert"
        title="标准按生效日期分版本保存，以前的版本保留不变。"
        description="某月的金额按该月 1 日有效的标准计算；已确认的保障金额不会自动重算。同一项目同一生效日期再次保存，视为更正该版本。"
      />
      <Form.Item name="item" label="标准项目" rules={[{ required: true, message: '请选择标准项目' }]}>
        <Select options={ITEM_OPTIONS} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="amount" label="金额（元）" extra="每人每月" rules={yuanRules('金额')}>
        <Input autoComplete="off" suffix="元" placeholder="如 800 或 812.50" className="mono-input" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker format="YYYY-MM-DD" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
        <Input maxLength={200} autoComplete="off" placeholder="如：依据县政府 2026 年第 3 号文件" />
      </Form.Item>
    </FormModal>
  );
}

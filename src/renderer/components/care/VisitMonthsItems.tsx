import { Form, InputNumber } from 'antd';
import { SETTING_WIDTH } from '../SettingsForm';

/**
 * A care policy's months between visits, one field per kind (a child's category, an elder's difficulty):
 * 1–12 months, each with its default. `who` follows the kind's label in the message (老人 for elders).
 */
export function VisitMonthsItems<K extends string>(props: { field: string; kinds: readonly K[]; labels: Record<K, string>; defaults: Record<K, number>; who?: string }) {
  const { field, kinds, labels, defaults, who = '' } = props;
  return kinds.map((k) => (
    <Form.Item key={k} name={[field, k]} label={labels[k]} extra={`默认：每 ${defaults[k]} 个月探访一次`} rules={[{ required: true, message: `请填写${labels[k]}${who}的探访周期` }]}>
      <InputNumber min={1} max={12} precision={0} suffix="个月" style={SETTING_WIDTH} />
    </Form.Item>
  ));
}

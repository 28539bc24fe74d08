import { Form, Input } from 'antd';

/** Every change to a household or person says why; the reason goes onto the household's timeline. */
export function ReasonField({ placeholder = '如：入户核实后更正、户口迁入' }: { placeholder?: string }) {
  return (
    <Form.Item name="reason" label="修改原因" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}>
      <Input maxLength={200} autoComplete="off" placeholder={placeholder} />
    </Form.Item>
  );
}

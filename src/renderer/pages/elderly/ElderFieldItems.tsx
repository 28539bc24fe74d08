/** The fields of an elder's file, for registering and editing: difficulties and a contact. */
import { Checkbox, Form, Input } from 'antd';
import type { ElderDifficulty } from '../../../shared/domain/elderly';
import { textOrNull } from '../../components/ledger/HouseholdFieldItems';
import { DIFFICULTY_OPTIONS } from './elderly-options';

export interface ElderFieldValues {
  difficulties: ElderDifficulty[];
  contactName?: string;
  contactPhone?: string;
}

/** The form's values as the contract's fields: empty text as null. */
export const elderFieldsInput = (v: ElderFieldValues) => ({ difficulties: v.difficulties, contactName: textOrNull(v.contactName), contactPhone: textOrNull(v.contactPhone) });

export function ElderFieldItems() {
  return (
    <>
      <Form.Item name="difficulties" label="困难类型" rules={[{ required: true, message: '请至少选择一项困难类型' }]} extra="探访周期按所选类型中最短的一项计算">
        <Checkbox.Group options={DIFFICULTY_OPTIONS} />
      </Form.Item>
      <Form.Item name="contactName" label="紧急联系人" rules={[{ max: 30 }]}>
        <Input maxLength={30} autoComplete="off" placeholder="如：子女或邻居姓名（关系）" />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={[{ max: 30 }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
    </>
  );
}

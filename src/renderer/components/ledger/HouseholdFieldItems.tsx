/** The fields of a household (apart from its township), for registering it and for editing it. */
import { Col, Form, Input, Radio, Row } from 'antd';
import type { ReactNode } from 'react';
import { HUKOU_LABELS, HUKOU_TYPES } from '../../../shared/domain/household';
import { isMasked, MASKED_HINT } from './masked';
import { VillageSelect } from './VillageSelect';

export interface HouseholdFieldValues {
  villageId?: string | null;
  address: string;
  hukouType: (typeof HUKOU_TYPES)[number];
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  notes?: string;
}

const HUKOU_OPTIONS = HUKOU_TYPES.map((value) => ({ value, label: HUKOU_LABELS[value] }));

/** Empty text as null, as the contract wants optional text. */
export const textOrNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

export function householdInput(values: HouseholdFieldValues) {
  return {
    villageId: values.villageId ?? null,
    address: values.address,
    hukouType: values.hukouType,
    phone: textOrNull(values.phone),
    bankName: textOrNull(values.bankName),
    bankAccount: textOrNull(values.bankAccount),
    notes: textOrNull(values.notes),
  };
}

interface Props {
  /** A field to put first (the township, when it is chosen here). */
  lead?: ReactNode;
  townshipId: string | undefined;
  keepVillageId?: string | null;
  /** The bank account as loaded, when the server masked it for this role. */
  maskedBankAccount?: string | null;
  /** Column span of the short fields (24 = one per row). */
  span?: number;
}

export function HouseholdFieldItems({ lead, townshipId, keepVillageId, maskedBankAccount, span = 12 }: Props) {
  const bankAccount = Form.useWatch<string | undefined>('bankAccount');
  const masked = isMasked(maskedBankAccount) && bankAccount === maskedBankAccount;
  return (
    <Row gutter={16}>
      {lead && <Col span={span}>{lead}</Col>}
      <Col span={span}>
        <Form.Item name="villageId" label="村（社区）">
          <VillageSelect townshipId={townshipId} keepId={keepVillageId} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="hukouType" label="户口性质" rules={[{ required: true, message: '请选择户口性质' }]}>
          <Radio.Group options={HUKOU_OPTIONS} optionType="button" />
        </Form.Item>
      </Col>
      <Col span={Math.min(span * 2, 24)}>
        <Form.Item name="address" label="家庭住址" rules={[{ required: true, whitespace: true, message: '请填写家庭住址' }, { max: 100 }]}>
          <Input maxLength={100} autoComplete="off" placeholder="如：青山镇杨柳村 3 组 12 号" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="phone" label="联系电话" rules={[{ max: 30 }]}>
          <Input maxLength={30} autoComplete="off" className="mono-input" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="bankName" label="开户银行" rules={[{ max: 40 }]}>
          <Input maxLength={40} autoComplete="off" placeholder="如：农村商业银行青山支行" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="bankAccount" label="银行账号" rules={[{ max: 30 }]} extra={masked ? MASKED_HINT : undefined}>
          <Input maxLength={30} autoComplete="off" className="mono-input" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="notes" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

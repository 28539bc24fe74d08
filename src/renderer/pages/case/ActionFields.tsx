/** What a step records besides the opinion: the investigation's findings, the aid granted, or the review's finding. */
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormRule, type InputProps } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { parseYuan } from '../../../shared/domain/money';
import { REVIEW_RESULTS, type ReviewResult } from '../../../shared/domain/workflow/types';
import { AssessmentFields, DischargeFields, PlanFields, ResettlementFields } from './CareFields';

const REVIEW_OPTIONS = Object.entries(REVIEW_RESULTS).map(([value, label]) => ({ value, label }));

/** An amount in 元 typed as text; required only where the step cannot do without it. */
function yuanRules(label: string, required: boolean): FormRule[] {
  return [
    { required, whitespace: true, message: `请填写${label}` },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || !value.trim()) return;
        const fen = parseYuan(value);
        if (fen === null) throw new Error('请填写金额，如 600 或 600.50（元，最多两位小数）');
        if (fen < 0) throw new Error('金额不能为负数');
      },
    },
  ];
}

/** Form.Item hands in value, onChange, id and the aria attributes; all pass through. */
function MoneyInput(props: InputProps) {
  return <Input {...props} autoComplete="off" suffix="元" placeholder="如 600 或 600.50" className="mono-input" style={{ width: 220 }} />;
}

function InvestigationFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="monthlyIncome" label="家庭月收入（元）" rules={yuanRules('家庭月收入', false)} extra="核实后的全家月收入合计">
          <MoneyInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="familySize" label="家庭人口">
          <InputNumber min={1} max={30} precision={0} suffix="人" style={{ width: 140 }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="visitDate" label="入户调查日期" rules={[{ required: true, message: '请选择入户调查日期' }]}>
          <DatePicker format="YYYY-MM-DD" placeholder="请选择日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="unstableIncome" valuePropName="checked">
          <Checkbox>收入不稳定（务工、经营等，缩短复核周期）</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

function ReviewFields() {
  const result = Form.useWatch<ReviewResult | undefined>('reviewResult');
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="reviewResult" label="复核结论" rules={[{ required: true, message: '请选择复核结论' }]}>
          <Select options={REVIEW_OPTIONS} placeholder="请选择" style={{ width: 200 }} />
        </Form.Item>
      </Col>
      {result === 'adjust' && (
        <Col xs={24} md={8}>
          <Form.Item name="newAmount" label="新保障金额（元）" rules={yuanRules('新保障金额', true)} extra="调整后的月保障金额">
            <MoneyInput />
          </Form.Item>
        </Col>
      )}
      {result === 'taper' && (
        <Col xs={24} md={8}>
          <Form.Item name="taperMonths" label="渐退月数" rules={[{ required: true, message: '请填写渐退月数（1–12）' }]}>
            <InputNumber min={1} max={12} precision={0} suffix="个月" style={{ width: 140 }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** `amountRequired`: the aid granted matters unless the chosen action refuses it; `actionId`: the chosen action. */
export function ActionFields({ form, amountRequired, actionId }: { form: CaseDetail['form']; amountRequired: boolean; actionId: string | undefined }) {
  if (form === 'investigation') return <InvestigationFields />;
  if (form === 'review_result') return <ReviewFields />;
  // A refusal (不予接案) records no assessment; only the discharge itself records its summary.
  if (form === 'psych_assessment') return actionId === 'decline' ? null : <AssessmentFields />;
  if (form === 'service_plan') return <PlanFields />;
  if (form === 'discharge') return actionId === 'close' ? <DischargeFields /> : null;
  if (form === 'resettlement') {
    return (
      <>
        <ResettlementFields required={amountRequired} />
        <Form.Item name="amount" label="一次性安置补助（元）" rules={yuanRules('一次性安置补助', amountRequired)}>
          <MoneyInput />
        </Form.Item>
      </>
    );
  }
  if (form === 'payment') {
    return (
      <Form.Item name="amount" label="救助金额（元）" rules={yuanRules('救助金额', amountRequired)}>
        <MoneyInput />
      </Form.Item>
    );
  }
  return null;
}

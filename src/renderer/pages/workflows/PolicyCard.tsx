/** 政策参数: the county's amounts and intervals the workflows use, money typed in 元 and stored in fen. */
import { Card, Form, Input, InputNumber } from 'antd';
import type { FormRule } from 'antd';
import { formatYuan } from '../../../shared/domain/money';
import { DEFAULT_POLICY, type WorkflowPolicy } from '../../../shared/domain/workflow/types';
import { useWrite } from '../../api/queries';
import { fenOf, yuanRules } from '../../components/ledger/money-rules';
import { SETTING_WIDTH, SettingsForm } from '../../components/SettingsForm';

interface PolicyValues {
  dibaoFloor: string;
  linshiTownshipLimit: string;
  taperMonths: number;
  reviewMonths: number;
  reviewMonthsUnstable: number;
  complaintPhone: string;
}

/** The schema's ceiling for an amount: 1,000,000.00 元. */
const MAX_FEN = 100_000_00;

const moneyRules = (label: string): FormRule[] => [
  ...yuanRules(label),
  {
    validator: async (_rule, value: unknown) => {
      if (typeof value === 'string' && fenOf(value) > MAX_FEN) throw new Error(`${label}不能超过 ${formatYuan(MAX_FEN)} 元`);
    },
  },
];

const valuesOf = (p: WorkflowPolicy): PolicyValues => ({
  dibaoFloor: formatYuan(p.dibaoFloorFen),
  linshiTownshipLimit: formatYuan(p.linshiTownshipLimitFen),
  taperMonths: p.taperMonths,
  reviewMonths: p.reviewMonths,
  reviewMonthsUnstable: p.reviewMonthsUnstable,
  complaintPhone: p.complaintPhone,
});

/** The defaults to restore; the complaint phone is the county's own and stays. */
const { complaintPhone: _phone, ...DEFAULT_VALUES } = valuesOf(DEFAULT_POLICY);

const months = (label: string): FormRule[] => [{ required: true, message: `请填写${label}` }];

/** The write's money fields are in fen; the form's, typed in 元, have their own names. */
const FORM_NAMES: Record<string, string> = { dibaoFloorFen: 'dibaoFloor', linshiTownshipLimitFen: 'linshiTownshipLimit' };

export function PolicyCard({ policy }: { policy: WorkflowPolicy }) {
  const save = useWrite('workflows.savePolicy', ['workflows.list']);
  const d = DEFAULT_POLICY;

  return (
    <Card title="政策参数" className="wf-card">
      <SettingsForm<PolicyValues>
        initialValues={valuesOf(policy)}
        defaults={DEFAULT_VALUES}
        labelWidth={220}
        saveText="保存政策参数"
        saving={save.isPending}
        save={(values) =>
          save.mutateAsync({
            dibaoFloorFen: fenOf(values.dibaoFloor),
            linshiTownshipLimitFen: fenOf(values.linshiTownshipLimit),
            taperMonths: values.taperMonths,
            reviewMonths: values.reviewMonths,
            reviewMonthsUnstable: values.reviewMonthsUnstable,
            complaintPhone: (values.complaintPhone ?? '').trim(),
          })
        }
        saved="已保存政策参数"
        fieldPaths={(path) => path.map((p, i) => (i === 0 ? (FORM_NAMES[String(p)] ?? p) : p))}
      >
        <Form.Item name="dibaoFloor" label="低保保底金额（元/人·月）" extra={`默认：${formatYuan(d.dibaoFloorFen)} 元；按标准核算不足此数的，按此数发放`} rules={moneyRules('低保保底金额')}>
          <Input autoComplete="off" suffix="元" className="mono-input" style={SETTING_WIDTH} />
        </Form.Item>
        <Form.Item
          name="linshiTownshipLimit"
          label="乡镇临时救助审批权限（元）"
          extra={`默认：${formatYuan(d.linshiTownshipLimitFen)} 元；超过此金额的临时救助报县级审批`}
          rules={moneyRules('乡镇临时救助审批权限')}
        >
          <Input autoComplete="off" suffix="元" className="mono-input" style={SETTING_WIDTH} />
        </Form.Item>
        <Form.Item name="taperMonths" label="渐退默认月数" extra={`默认：${d.taperMonths} 个月（1–12）`} rules={months('渐退默认月数')}>
          <InputNumber min={1} max={12} precision={0} suffix="个月" style={SETTING_WIDTH} />
        </Form.Item>
        <Form.Item name="reviewMonths" label="复核周期（月）" extra={`默认：${d.reviewMonths} 个月（1–24）`} rules={months('复核周期')}>
          <InputNumber min={1} max={24} precision={0} suffix="个月" style={SETTING_WIDTH} />
        </Form.Item>
        <Form.Item name="reviewMonthsUnstable" label="收入不稳定家庭复核周期（月）" extra={`默认：${d.reviewMonthsUnstable} 个月（1–24）`} rules={months('收入不稳定家庭复核周期')}>
          <InputNumber min={1} max={24} precision={0} suffix="个月" style={SETTING_WIDTH} />
        </Form.Item>
        <Form.Item name="complaintPhone" label="监督电话" extra="印在公示名单和告知书上" rules={[{ max: 30, message: '监督电话最多 30 个字符' }]}>
          <Input autoComplete="off" maxLength={30} placeholder="如 0739-1234567" style={SETTING_WIDTH} />
        </Form.Item>
      </SettingsForm>
    </Card>
  );
}

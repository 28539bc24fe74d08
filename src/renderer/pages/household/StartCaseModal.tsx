/**
 * 发起申请: a household applies for 低保, 特困, 临时救助 or 高龄津贴. The case opens at its first step
 * (受理, or 先行救助 for emergencies) and the clerk goes on to it.
 */
import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { HouseholdDetail } from '../../../shared/api/contract';
import { gaolingBand, isHouseholdProgram, PROGRAM_CATEGORIES, type Program } from '../../../shared/domain/programs';
import { DEFAULT_WORKFLOWS, type APPLICATION_KINDS } from '../../../shared/domain/workflow/definitions';
import { reportError, withFieldPaths } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { fenOf, yuanRules } from '../../components/ledger/money-rules';
import { CASE_WRITES } from '../approvals/invalidates';
import { APPLICATION_KIND_OPTIONS } from '../approvals/kind-options';

type ApplicationKind = (typeof APPLICATION_KINDS)[number];

interface StartValues {
  kind: ApplicationKind;
  personIds?: string[];
  personId?: string;
  category?: string;
  reason: string;
  monthlyIncome?: string;
  unstableIncome?: boolean;
  requestedAmount?: string;
}

const programOf = (kind: ApplicationKind) => DEFAULT_WORKFLOWS[kind].program as Program;
const isLinshi = (kind: ApplicationKind | undefined) => kind === 'linshi_emergency' || kind === 'linshi_expense';

/** 临时救助's category is its kind (急难型, 支出型); the others are chosen, 低保 starting from the hukou. */
function categoryFor(kind: ApplicationKind, household: HouseholdDetail): string | undefined {
  if (kind === 'linshi_emergency') return 'emergency';
  if (kind === 'linshi_expense') return 'expense';
  if (kind === 'dibao_new') return household.hukouType;
  return undefined;
}

const FIELD_OF_INPUT: Record<string, string> = { monthlyIncomeFen: 'monthlyIncome', requestedAmountFen: 'requestedAmount' };

interface Props {
  open: boolean;
  household: HouseholdDetail;
  onClose: () => void;
}

export function StartCaseModal({ open, household, onClose }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const start = useWrite('cases.start', CASE_WRITES);
  const kind = Form.useWatch('kind', form);
  const program = kind ? programOf(kind) : undefined;
  const byHousehold = program ? isHouseholdProgram(program) : false;
  const categories = program && !isLinshi(kind) ? PROGRAM_CATEGORIES[program] : undefined;
  const memberOptions = household.members.map((m) => ({ value: m.id, label: `${m.name}（${m.age} 岁）` }));

  // Covered members start as the whole household, once a kind that covers households is chosen.
  const kindChosen = (next: ApplicationKind) =>
    form.setFieldsValue({
      category: categoryFor(next, household),
      personId: undefined,
      personIds: (form.getFieldValue('personIds') as string[] | undefined) ?? household.members.map((m) => m.id),
    });
  // 高龄津贴's band follows the person's age.
  const personChosen = (personId: string) => {
    if (form.getFieldValue('kind') !== 'gaoling_new') return;
    const age = household.members.find((m) => m.id === personId)?.age ?? 0;
    form.setFieldValue('category', gaolingBand(age) ?? undefined);
  };

  const submit = async (values: StartValues) => {
    const coversHousehold = isHouseholdProgram(programOf(values.kind));
    try {
      const { id, caseNo } = await start.mutateAsync({
        kind: values.kind,
        householdId: household.id,
        personIds: coversHousehold ? (values.personIds ?? []) : values.personId ? [values.personId] : [],
        category: isLinshi(values.kind) ? (categoryFor(values.kind, household) ?? null) : (values.category ?? null),
        reason: values.reason,
        monthlyIncomeFen: values.kind === 'dibao_new' && values.monthlyIncome ? fenOf(values.monthlyIncome) : undefined,
        unstableIncome: values.kind === 'dibao_new' && values.unstableIncome === true,
        requestedAmountFen: isLinshi(values.kind) && values.requestedAmount ? fenOf(values.requestedAmount) : undefined,
      });
      message.success(`已发起申请，案件编号 ${caseNo}`);
      onClose();
      navigate(`/approvals/${id}`);
    } catch (err) {
      // A person program chooses its one person in 'personId'; amounts are typed in 元 under other names.
      reportError(
        withFieldPaths(err, (path) => {
          if (!coversHousehold && path[0] === 'personIds') return ['personId'];
          const renamed = FIELD_OF_INPUT[String(path[0])];
          return renamed ? [renamed] : path;
        }),
        form,
      );
    }
  };

  return (
    <FormModal<StartValues>
      open={open}
      title="发起救助申请"
      okText="提交申请"
      form={form}
      width={640}
      initialValues={{ unstableIncome: false }}
      saving={start.isPending}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="kind" label="申请类型" rules={[{ required: true, message: '请选择申请类型' }]}>
        <Radio.Group options={APPLICATION_KIND_OPTIONS} onChange={(e) => kindChosen(e.target.value as ApplicationKind)} />
      </Form.Item>
      {kind &&
        (byHousehold ? (
          <Form.Item name="personIds" label="保障对象" extra="勾选纳入保障的家庭成员" rules={[{ required: true, message: '请至少选择一名成员' }]}>
            <Checkbox.Group options={memberOptions} />
          </Form.Item>
        ) : (
          <Form.Item name="personId" label="申请人" extra="按人保障：选择一名家庭成员" rules={[{ required: true, message: '请选择申请人' }]}>
            <Radio.Group options={memberOptions} onChange={(e) => personChosen(e.target.value as string)} />
          </Form.Item>
        ))}
      {categories && (
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={Object.entries(categories).map(([value, label]) => ({ value, label }))} placeholder="请选择类别" style={{ width: 200 }} />
        </Form.Item>
      )}
      {kind === 'dibao_new' && (
        <>
          <Form.Item name="monthlyIncome" label="家庭月收入（元）" rules={yuanRules('家庭月收入')} extra="申请人申报的全家月收入合计，调查时核实">
            <Input autoComplete="off" suffix="元" placeholder="如 600 或 600.50" style={{ width: 220 }} className="mono-input" />
          </Form.Item>
          <Form.Item name="unstableIncome" valuePropName="checked">
            <Checkbox>收入不稳定（务工、经营等）</Checkbox>
          </Form.Item>
        </>
      )}
      {isLinshi(kind) && (
        <Form.Item name="requestedAmount" label="申请救助金额（元）" rules={yuanRules('申请救助金额')}>
          <Input autoComplete="off" suffix="元" placeholder="如 2000" style={{ width: 220 }} className="mono-input" />
        </Form.Item>
      )}
      <Form.Item name="reason" label="申请理由" rules={[{ required: true, whitespace: true, message: '请填写申请理由' }, { min: 2, message: '申请理由至少 2 个字' }, { max: 500 }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：户主因病丧失劳动能力，家庭收入不足以维持基本生活" />
      </Form.Item>
    </FormModal>
  );
}

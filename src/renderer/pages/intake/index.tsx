/**
 * 登记新家庭: the household (where it lives, hukou, bank) and its members in one grid. The server is
 * asked about the members when an ID number is left and again before saving, so a person already
 * registered in another household is caught while the clerk is still typing. Most households come
 * to apply for something, so a case worker goes on to the application (发起申请) unless they say not to.
 */
import { App, Button, Card, Checkbox, Form } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { call } from '../../api/client';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { enterMovesOn } from '../../components/enter-moves-on';
import { HouseholdFieldItems, householdInput, type HouseholdFieldValues } from '../../components/ledger/HouseholdFieldItems';
import { memberInput, type PersonFieldValues } from '../../components/ledger/PersonFieldItems';
import { TownshipSelect } from '../../components/ledger/TownshipSelect';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { isCaseWorker } from '../../../shared/domain/roles';
import { MemberProblems } from './member-problems';
import { MembersGrid, newMemberRow } from './MembersGrid';

interface IntakeValues extends HouseholdFieldValues {
  townshipId: string;
  members: Partial<PersonFieldValues>[];
}

const INVALIDATES = ['ledger.list', 'workspace.overview', 'ageEvents.list'] as const;

export function IntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [form] = Form.useForm<IntakeValues>();
  const problems = useRef(new MemberProblems()).current;
  const create = useWrite('households.create', INVALIDATES);
  const [checking, setChecking] = useState(false);
  const canApply = isCaseWorker(user.role);
  const [applyAfter, setApplyAfter] = useState(canApply);
  const fixedTownship = user.role === 'township_clerk' ? user.townshipId : null;
  const townshipId = Form.useWatch('townshipId', form) ?? fixedTownship ?? undefined;

  /** Asks the server about the members typed so far; returns how many problems it found. */
  const checkMembers = async (beforeSaving: boolean): Promise<number> => {
    const members = (form.getFieldValue('members') ?? []) as Partial<PersonFieldValues>[];
    const rows = members.map((_, i) => i).filter((i) => beforeSaving || Boolean(members[i]?.idNumber?.trim()));
    if (rows.length === 0) return 0;
    const { problems: found } = await call('households.checkMembers', {
      members: rows.map((i) => {
        const m = members[i]!;
        return { name: (m.name ?? '').slice(0, 30), idNumber: (m.idNumber ?? '').slice(0, 30), ...(m.relation ? { relation: m.relation } : {}) };
      }),
    });
    return problems.apply(form, found, rows, beforeSaving);
  };

  const submit = async (values: IntakeValues) => {
    setChecking(true);
    try {
      if ((await checkMembers(true)) > 0) {
        message.error('成员信息有问题，请按标红的提示改正后再保存');
        return;
      }
      const { id } = await create.mutateAsync({
        townshipId: fixedTownship ?? values.townshipId,
        ...householdInput(values),
        members: values.members.map((m) => memberInput(m as PersonFieldValues)),
      });
      const head = values.members.find((m) => m.relation === 'self');
      message.success(`已登记${head?.name ? `户主 ${head.name.trim()} 的` : ''}家庭，共 ${values.members.length} 人`);
      navigate(canApply && applyAfter ? `/ledger/households/${id}?apply=1` : `/ledger/households/${id}`, { replace: true });
    } catch (err) {
      reportError(err, form);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <PageTitle title="登记新家庭" note="先填家庭信息，再逐行录入家庭成员；回车跳到下一格，身份证号码自动得出性别、出生日期和年龄" />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={{ townshipId: fixedTownship ?? undefined, hukouType: 'rural', members: [newMemberRow(true)] }}
        onFinish={(v) => void submit(v)}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
          // Show what the server would also say (no head, two heads), so every problem is listed at once.
          void checkMembers(true).catch(() => undefined);
        }}
        onValuesChange={(changed: Partial<IntakeValues>) => {
          if ('townshipId' in changed) form.setFieldValue('villageId', null);
          if (changed.members?.some((m) => m && 'relation' in m)) form.setFields([{ name: ['members'], errors: [] }]);
        }}
        onKeyDown={enterMovesOn}
        className="intake-form"
        requiredMark
      >
        <Card title="家庭信息" className="intake-card">
          <HouseholdFieldItems
            townshipId={townshipId}
            span={8}
            lead={
              fixedTownship ? (
                <Form.Item label="乡镇（街道）">
                  <span className="intake-fixed">{user.townshipName}</span>
                </Form.Item>
              ) : (
                <Form.Item name="townshipId" label="乡镇（街道）" rules={[{ required: true, message: '请选择乡镇（街道）' }]}>
                  <TownshipSelect />
                </Form.Item>
              )
            }
          />
        </Card>
        <Card title="家庭成员" className="intake-card" extra={<span className="table-count">第一行默认为户主；最多 30 人</span>}>
          <MembersGrid
            problems={problems}
            onIdBlur={() => void checkMembers(false).catch(() => undefined)}
            onRemoved={() => {
              problems.clear();
              void checkMembers(false).catch(() => undefined);
            }}
          />
        </Card>
        <div className="intake-actions">
          {canApply && (
            <Checkbox checked={applyAfter} onChange={(e) => setApplyAfter(e.target.checked)} style={{ alignSelf: 'center' }}>
              登记后发起救助申请
            </Checkbox>
          )}
          <Button onClick={() => navigate('/ledger')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={checking || create.isPending}>
            保存登记
          </Button>
        </div>
      </Form>
    </>
  );
}

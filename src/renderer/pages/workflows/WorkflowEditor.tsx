/**
 * One kind of case: its steps with who acts and within what time, the limits of the whole case, and
 * whether the county delegates its confirmation to the townships. Edits stay on the page until 保存,
 * which stores only what differs from the national default.
 */
import { App, Alert, Button, Popconfirm, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { WorkflowDefWire } from '../../../shared/api/cases.schemas';
import type { Role } from '../../../shared/domain/roles';
import type { WorkflowOverrides } from '../../../shared/domain/workflow/types';
import { ROLE_LABELS } from '../../../shared/labels';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { DeadlineInput, deadlineText } from './DeadlineInput';
import { draftOf, editsKey, isDelegable, overridesOf, problemsOf, sameDeadline, sameRoles, type Draft, type StepDraft } from './draft';

type StepDef = WorkflowDefWire['steps'][number];

/** Who may be given a step: everyone who works cases (the administrator does not). */
const ROLE_OPTIONS = (['township_clerk', 'county_clerk', 'county_reviewer', 'manager'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
/** A delegated confirmation is done by the township (applyOverrides gives it these roles). */
const DELEGATED_ROLES: readonly Role[] = ['township_clerk', 'county_clerk'];

const LEVEL_LABELS = { township: '乡镇', county: '县级' } as const;

const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

function DefaultNote({ changed, children }: { changed: boolean; children: string }) {
  return (
    <Typography.Text type={changed ? 'warning' : 'secondary'} className="wf-default">
      默认：{children}
    </Typography.Text>
  );
}

interface Props {
  defaults: WorkflowDefWire;
  overrides: WorkflowOverrides;
}

export function WorkflowEditor({ defaults, overrides }: Props) {
  const { message } = App.useApp();
  const save = useWrite('workflows.save', ['workflows.list']);
  const base = useMemo(() => draftOf(defaults, {}), [defaults]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(defaults, overrides));
  const delegable = isDelegable(defaults);

  const edits = overridesOf(defaults, draft);
  const dirty = editsKey(edits) !== editsKey(overridesOf(defaults, draftOf(defaults, overrides)));
  const atDefault = editsKey(edits) === editsKey({});
  const problems = problemsOf(defaults, draft);

  const setStep = (id: string, patch: Partial<StepDraft>) =>
    setDraft((d) => {
      const step = d.steps[id];
      return step ? { ...d, steps: { ...d.steps, [id]: { ...step, ...patch } } } : d;
    });

  const submit = async () => {
    try {
      await save.mutateAsync({ kind: defaults.kind, overrides: edits });
      message.success(`已保存“${defaults.label}”的流程设置，此后受理的案件按新设置办理`);
    } catch (err) {
      reportError(err);
    }
  };

  const columns: TableColumnsType<StepDef> = [
    {
      title: '环节',
      dataIndex: 'label',
      width: 190,
      render: (label: string, step) => (
        <>
          <div>{label}</div>
          <Space size={4} wrap className="wf-step-tags">
            {step.optional && <Tag>可选环节</Tag>}
            {step.confirms && <Tag color="blue">审核确认</Tag>}
            {step.publishes && <Tag color="gold">公示</Tag>}
          </Space>
        </>
      ),
    },
    {
      title: '层级',
      key: 'level',
      width: 90,
      render: (_, step) => (draft.delegated && step.delegable ? '乡镇（下放）' : LEVEL_LABELS[step.level]),
    },
    {
      title: '办理角色',
      key: 'roles',
      render: (_, step) => {
        const value = draft.steps[step.id]?.roles ?? [];
        const delegated = draft.delegated && Boolean(step.delegable);
        return (
          <div className="wf-cell">
            <Select<Role[]>
              mode="multiple"
              aria-label={`${step.label}办理角色`}
              value={delegated ? [...DELEGATED_ROLES] : value}
              options={ROLE_OPTIONS}
              disabled={delegated}
              status={!delegated && value.length === 0 ? 'error' : undefined}
              placeholder="至少选择一个角色"
              style={{ width: '100%' }}
              onChange={(roles) => setStep(step.id, { roles })}
            />
            <DefaultNote changed={!sameRoles(value, base.steps[step.id]?.roles ?? [])}>{rolesText(step.roles)}</DefaultNote>
          </div>
        );
      },
    },
    {
      title: '时限',
      key: 'deadline',
      width: 200,
      render: (_, step) => {
        const value = draft.steps[step.id]?.deadline ?? null;
        return (
          <div className="wf-cell">
            <DeadlineInput
              label={`${step.label}时限`}
              value={value}
              noneLabel="不限"
              fallbackDays={step.deadline?.days ?? 5}
              onChange={(deadline) => setStep(step.id, { deadline })}
            />
            <DefaultNote changed={!sameDeadline(value, step.deadline ?? null)}>{deadlineText(step.deadline)}</DefaultNote>
          </div>
        );
      },
    },
    {
      title: '可选环节',
      key: 'enabled',
      width: 120,
      render: (_, step) => {
        if (!step.optional) return <Typography.Text type="secondary">—</Typography.Text>;
        const on = draft.steps[step.id]?.enabled ?? false;
        return (
          <div className="wf-cell">
            <Switch aria-label={`启用${step.label}`} checked={on} checkedChildren="启用" unCheckedChildren="不启用" onChange={(enabled) => setStep(step.id, { enabled })} />
            <DefaultNote changed={on !== (step.enabled !== false)}>{step.enabled !== false ? '启用' : '不启用'}</DefaultNote>
          </div>
        );
      },
    },
  ];

  return (
    <div className="wf-editor">
      <Table<StepDef> rowKey="id" size="small" columns={columns} dataSource={defaults.steps} pagination={false} bordered />
      <div className="wf-limits">
        <div className="wf-limit">
          <span className="wf-limit-label">办结时限</span>
          <DeadlineInput label="办结时限" value={draft.whole} fallbackDays={defaults.whole.days} onChange={(whole) => whole && setDraft((d) => ({ ...d, whole }))} />
          <DefaultNote changed={!sameDeadline(draft.whole, defaults.whole)}>{deadlineText(defaults.whole)}</DefaultNote>
        </div>
        <div className="wf-limit">
          <span className="wf-limit-label">延期后办结时限</span>
          <DeadlineInput
            label="延期后办结时限"
            value={draft.extended}
            noneLabel="不可延期"
            fallbackDays={defaults.extended?.days ?? Math.min(90, defaults.whole.days + 15)}
            onChange={(extended) => setDraft((d) => ({ ...d, extended }))}
          />
          <DefaultNote changed={!sameDeadline(draft.extended, defaults.extended ?? null)}>{deadlineText(defaults.extended, '不可延期')}</DefaultNote>
        </div>
        {delegable && (
          <div className="wf-limit">
            <Switch aria-label="审核确认权限下放乡镇（县级备案）" checked={draft.delegated} onChange={(delegated) => setDraft((d) => ({ ...d, delegated }))} />
            <span>审核确认权限下放乡镇（县级备案）</span>
            <DefaultNote changed={draft.delegated !== base.delegated}>不下放</DefaultNote>
          </div>
        )}
      </div>
      {problems.length > 0 && <Alert type="error" showIcon className="wf-problems" title={problems.join('；')} />}
      <div className="wf-actions">
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        <Popconfirm
          title={`将“${defaults.label}”恢复为默认设置？`}
          description="恢复后请点“保存流程设置”才生效。"
          okText="恢复默认"
          cancelText="取消"
          disabled={atDefault}
          onConfirm={() => setDraft(base)}
        >
          <Button disabled={atDefault}>恢复默认</Button>
        </Popconfirm>
        <Button disabled={!dirty} onClick={() => setDraft(draftOf(defaults, overrides))}>
          撤销修改
        </Button>
        <Button type="primary" disabled={!dirty || problems.length > 0} loading={save.isPending} onClick={() => void submit()}>
          保存流程设置
        </Button>
      </div>
    </div>
  );
}

/**
 * The county's workflows: the national defaults with the administrator's edits, and the policy numbers
 * (floor, township limit, taper, review intervals, complaint phone). New cases take the effective
 * definition at intake and keep it.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { DEFAULT_WORKFLOWS } from '../../shared/domain/workflow/definitions';
import { applyOverrides } from '../../shared/domain/workflow/rules';
import { CASE_KINDS, DEFAULT_POLICY, type CaseKind, type WorkflowDef, type WorkflowOverrides, type WorkflowPolicy } from '../../shared/domain/workflow/types';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { readSettings, writeSetting } from '../settings/settings.repository';

export async function loadOverrides(db: Executor): Promise<Partial<Record<CaseKind, WorkflowOverrides>>> {
  const rows = await db.selectFrom('workflow_overrides').select(['kind', 'overrides']).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, JSON.parse(r.overrides) as WorkflowOverrides]));
}

export async function effectiveWorkflow(db: Executor, kind: CaseKind): Promise<WorkflowDef> {
  const row = await db.selectFrom('workflow_overrides').select('overrides').where('kind', '=', kind).executeTakeFirst();
  return applyOverrides(DEFAULT_WORKFLOWS[kind], row ? (JSON.parse(row.overrides) as WorkflowOverrides) : undefined);
}

export async function loadPolicy(db: Executor): Promise<WorkflowPolicy> {
  const stored = (await readSettings(db)).workflow_policy;
  return { ...DEFAULT_POLICY, ...(stored ? (JSON.parse(stored) as Partial<WorkflowPolicy>) : {}) };
}

export async function listWorkflows(db: Executor) {
  const overrides = await loadOverrides(db);
  return {
    workflows: CASE_KINDS.map((kind) => ({
      defaults: DEFAULT_WORKFLOWS[kind],
      overrides: overrides[kind] ?? {},
      effective: applyOverrides(DEFAULT_WORKFLOWS[kind], overrides[kind]),
    })),
    policy: await loadPolicy(db),
  };
}

/** Edits name only steps and switches the definition has; the roles of a step stay within its level. */
function overrideIssues(def: WorkflowDef, o: WorkflowOverrides): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [stepId, edit] of Object.entries(o.steps ?? {})) {
    const step = def.steps.find((s) => s.id === stepId);
    if (!step) {
      issues.push({ path: ['overrides', 'steps', stepId], message: `“${def.label}”没有这个环节` });
      continue;
    }
    if (edit.enabled !== undefined && !step.optional) issues.push({ path: ['overrides', 'steps', stepId, 'enabled'], message: `“${step.label}”是必经环节，不能关闭` });
    if (edit.roles?.includes('admin')) issues.push({ path: ['overrides', 'steps', stepId, 'roles'], message: '系统管理员不办理审批环节' });
    if (step.level === 'county' && edit.roles?.includes('township_clerk')) {
      issues.push({ path: ['overrides', 'steps', stepId, 'roles'], message: `“${step.label}”是县级环节，乡镇经办员不能办理；如需由乡镇确认，请开启“审核确认权限下放”` });
    }
  }
  if (o.delegated && !def.steps.some((s) => s.delegable)) issues.push({ path: ['overrides', 'delegated'], message: `“${def.label}”没有可下放的审核确认环节` });
  if (o.extended && o.extended.unit === (o.whole ?? def.whole).unit && o.extended.days <= (o.whole ?? def.whole).days) {
    issues.push({ path: ['overrides', 'extended'], message: '延期后的时限应长于办结时限' });
  }
  return issues;
}

export async function saveOverrides(db: LedgerDb, actor: Actor, at: Date, kind: CaseKind, overrides: WorkflowOverrides): Promise<void> {
  const issues = overrideIssues(DEFAULT_WORKFLOWS[kind], overrides);
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { fields: issues });
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('workflow_overrides').select('overrides').where('kind', '=', kind).executeTakeFirst();
    const row = { kind, overrides: JSON.stringify(overrides), updated_by: actor.userId, updated_at: at.toISOString() };
    await trx
      .insertInto('workflow_overrides')
      .values(row)
      .onConflict((oc) => oc.column('kind').doUpdateSet({ overrides: row.overrides, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
    await recordAudit(trx, actor, at, {
      action: 'workflow.update',
      entity: 'workflow',
      entityId: kind,
      before: before ? JSON.parse(before.overrides) : {},
      after: overrides,
    });
  });
}

export async function savePolicy(db: LedgerDb, actor: Actor, at: Date, policy: WorkflowPolicy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadPolicy(trx);
    await writeSetting(trx, 'workflow_policy', JSON.stringify(policy));
    await recordAudit(trx, actor, at, { action: 'workflow.policy', entity: 'settings', before, after: policy });
  });
}

/**
 * 流程设置: the county's edits of the national default workflows (who acts at each step, deadlines, the
 * optional 民主评议, delegating confirmation to townships) and its policy amounts and intervals. A case
 * keeps the rules it was opened under, so an edit here applies to cases opened afterwards.
 */
import { Alert, Card, Collapse, Skeleton, Tag } from 'antd';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { editsKey, hasEdits } from './draft';
import { PolicyCard } from './PolicyCard';
import { WorkflowEditor } from './WorkflowEditor';
import './workflows.css';

export function WorkflowsPage() {
  const list = useRead('workflows.list', {});

  return (
    <>
      <PageTitle title="流程设置" note="审核确认流程的办理角色、时限、可选环节和审批权限下放；未改动的项目按国家默认设置执行" />
      <Alert
        type="info"
        showIcon
        className="wf-alert"
        title="修改只对此后受理的案件生效"
        description="每个案件按受理时的流程规则（环节、办理角色、时限）办理到底，办理中的案件不受这里修改的影响。"
      />
      {list.isPending || !list.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Card title="审批流程" className="wf-card">
            <Collapse
              items={list.data.workflows.map(({ defaults, overrides }) => ({
                key: defaults.kind,
                label: (
                  <span>
                    {defaults.label}
                    {hasEdits(defaults, overrides) && (
                      <Tag color="orange" className="wf-edited-tag">
                        已调整
                      </Tag>
                    )}
                  </span>
                ),
                children: <WorkflowEditor key={editsKey(overrides)} defaults={defaults} overrides={overrides} />,
              }))}
            />
          </Card>
          <PolicyCard key={JSON.stringify(list.data.policy)} policy={list.data.policy} />
        </>
      )}
    </>
  );
}

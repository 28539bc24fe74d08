/**
 * One approval case (审批案件): who applied and for what, its path through the workflow, every action
 * with its opinion, and — while it is open — the current step, acted on here.
 */
import { ArrowLeftOutlined, AuditOutlined, FieldTimeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { CaseStatusTag } from '../approvals/CaseState';
import { ActionCard } from './ActionCard';
import { CaseHistory } from './CaseHistory';
import { CaseMembers } from './CaseMembers';
import { CareCaseCard } from './CareCaseCard';
import { CaseReferrals } from '../referrals/CaseReferrals';
import { CaseSteps } from './CaseSteps';
import { CaseApplication, CaseSummary } from './CaseSummary';
import { ExtendModal } from './ExtendModal';
import { FilingReviewModal } from './FilingReviewModal';
import { printViewsOf } from './print-views';

type Open = 'extend' | 'filing' | null;

export function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useRead('cases.get', { id }, { silent: true });
  const [open, setOpen] = useState<Open>(null);
  // Back to the list as it was left (its filters live in the address), or to the approvals when opened directly.
  const cameFromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => (cameFromApp ? navigate(-1) : navigate('/approvals'))}>
      返回
    </Button>
  );
  const reload = () => void detail.refetch();

  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (detail.isError) {
    const missing = detail.error.code === 'NOT_FOUND' || detail.error.code === 'FORBIDDEN';
    return (
      <Card>
        <Result
          status={missing ? 'warning' : 'error'}
          title={missing ? '找不到该案件' : '无法打开该案件'}
          subTitle={detail.error.message}
          extra={<Button onClick={() => navigate('/approvals')}>返回审批待办</Button>}
        />
      </Card>
    );
  }

  const data = detail.data;
  return (
    <>
      <PageTitle
        title={
          <Space size={8} wrap>
            <span>{data.kindLabel}</span>
            <CaseStatusTag status={data.status} outcome={data.outcome} />
            {data.overdue && <Tag color="error">超期</Tag>}
            {data.crisis && <Tag color="error">危机</Tag>}
            {data.delegated && <Tag>下放乡镇确认</Tag>}
          </Space>
        }
        note={<span>案件编号：<span className="mono">{data.caseNo}</span></span>}
        extra={
          <Space wrap>
            {back}
            {printViewsOf(data).map((view) => (
              <Button key={view.path} icon={<PrinterOutlined />} onClick={() => navigate(view.path)}>
                {view.label}
              </Button>
            ))}
            {data.canExtend && (
              <Button icon={<FieldTimeOutlined />} onClick={() => setOpen('extend')}>
                延期
              </Button>
            )}
            {data.canReviewFiling && (
              <Button icon={<AuditOutlined />} onClick={() => setOpen('filing')}>
                备案审查
              </Button>
            )}
          </Space>
        }
      />
      <Card className="household-card">
        <CaseSteps detail={data} />
      </Card>
      <CareCaseCard detail={data} onStale={reload} />
      <Card title="案件信息" className="household-card">
        <CaseSummary detail={data} />
      </Card>
      <Card title="申请内容" className="household-card">
        <CaseApplication detail={data} />
      </Card>
      <Card title="家庭成员" className="household-card">
        <CaseMembers members={data.members} />
      </Card>
      <CaseReferrals caseId={data.id} preset={{ householdId: data.householdId, personId: data.personId ?? undefined, label: `${data.subjectName ?? '—'}（案件 ${data.caseNo}）` }} />
      <Card title="办理记录" className="household-card">
        <CaseHistory detail={data} />
      </Card>
      {/* A new version is a new form: the defaults and choices of the step as it now stands. */}
      {data.status === 'open' && <ActionCard key={`${data.id}/${data.version}`} detail={data} onStale={reload} />}
      {data.canExtend && <ExtendModal open={open === 'extend'} detail={data} onClose={() => setOpen(null)} onStale={reload} />}
      {data.canReviewFiling && <FilingReviewModal open={open === 'filing'} detail={data} onClose={() => setOpen(null)} onStale={reload} />}
    </>
  );
}

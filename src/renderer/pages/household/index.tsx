/**
 * One household (一户一档): who lives there, what they receive, its approval cases, and every change
 * with its reason. Clerks and reviewers edit; case workers apply (发起申请) and start changes, stops and
 * reviews of enrollments; administrators also enter existing beneficiaries (建账); managers look and apply.
 * `?apply=1` opens the application at once (coming from registration).
 */
import { ArrowLeftOutlined, EditOutlined, FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Member } from '../../../shared/api/contract';
import { isCaseWorker, LEDGER_EDITORS } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { EnrollmentCaseModal, type EnrollmentCaseTarget } from './EnrollmentCaseModal';
import { EnrollmentsTable } from './EnrollmentsTable';
import { HouseholdCases } from './HouseholdCases';
import { HouseholdEditModal } from './HouseholdEditModal';
import { headOf, HouseholdSummary } from './HouseholdSummary';
import { HouseholdTimeline } from './HouseholdTimeline';
import { InitialEnrollmentModal } from './InitialEnrollmentModal';
import { MembersTable } from './MembersTable';
import { PersonModal } from './PersonModal';
import { StartCaseModal } from './StartCaseModal';

type Open = 'household' | 'person' | 'enrollment' | 'apply' | 'enrollmentCase' | null;

export function HouseholdPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const household = useRead('households.get', { id }, { silent: true });
  const canEdit = LEDGER_EDITORS.includes(user.role);
  const canApply = isCaseWorker(user.role);
  const isAdmin = user.role === 'admin';
  const [open, setOpen] = useState<Open>(() => (canApply && params.get('apply') === '1' ? 'apply' : null));
  // The member (or enrollment) stays while the modal closes, so its title does not change during the animation.
  const [member, setMember] = useState<Member | null>(null);
  const [enrollmentCase, setEnrollmentCase] = useState<EnrollmentCaseTarget | null>(null);
  const close = () => {
    setOpen(null);
    // Once answered, the application is not opened again by going back to this address.
    if (params.has('apply')) setParams({}, { replace: true });
  };
  // Back to the list as it was left (its filters live in the address), or to the ledger when opened directly.
  const cameFromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => (cameFromApp ? navigate(-1) : navigate('/ledger'))}>
      返回
    </Button>
  );

  if (household.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (household.isError) {
    const missing = household.error.code === 'NOT_FOUND' || household.error.code === 'FORBIDDEN';
    return (
      <Card>
        <Result
          status={missing ? 'warning' : 'error'}
          title={missing ? '找不到该家庭' : '无法打开该家庭'}
          subTitle={household.error.message}
          extra={<Button onClick={() => navigate('/ledger')}>返回对象台账</Button>}
        />
      </Card>
    );
  }

  const data = household.data;
  const head = headOf(data);
  return (
    <>
      <PageTitle
        title={`${head?.name ?? '未指定户主'}家`}
        note="一户一档：家庭成员、在保记录和全部变更记录"
        extra={
          <Space>
            {back}
            {canApply && (
              <Button icon={<FileAddOutlined />} onClick={() => setOpen('apply')}>
                发起申请
              </Button>
            )}
            {canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen('household')}>
                编辑家庭信息
              </Button>
            )}
          </Space>
        }
      />
      <HouseholdSummary household={data} />
      <Card
        title="家庭成员"
        className="household-card"
        extra={
          canEdit && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setMember(null);
                setOpen('person');
              }}
            >
              添加成员
            </Button>
          )
        }
      >
        <MembersTable
          members={data.members}
          headPersonId={data.headPersonId}
          onEdit={
            canEdit
              ? (m) => {
                  setMember(m);
                  setOpen('person');
                }
              : undefined
          }
        />
      </Card>
      <Card
        title="在保记录"
        className="household-card"
        extra={
          isAdmin && (
            <Button icon={<PlusOutlined />} onClick={() => setOpen('enrollment')}>
              建账录入在保记录
            </Button>
          )
        }
      >
        <EnrollmentsTable
          enrollments={data.enrollments}
          members={data.members}
          onStartCase={
            canApply
              ? (enrollment, kind) => {
                  setEnrollmentCase({ enrollment, kind });
                  setOpen('enrollmentCase');
                }
              : undefined
          }
        />
      </Card>
      <Card title="审批案件" className="household-card">
        <HouseholdCases householdId={data.id} />
      </Card>
      <Card title="变更记录" className="household-card">
        <HouseholdTimeline householdId={data.id} />
      </Card>
      {canEdit && <HouseholdEditModal open={open === 'household'} household={data} onClose={close} />}
      {canEdit && <PersonModal open={open === 'person'} householdId={data.id} editing={member} onClose={close} />}
      {isAdmin && <InitialEnrollmentModal open={open === 'enrollment'} household={data} onClose={close} />}
      {canApply && <StartCaseModal open={open === 'apply'} household={data} onClose={close} />}
      {canApply && <EnrollmentCaseModal open={open === 'enrollmentCase'} target={enrollmentCase} household={data} onClose={close} />}
    </>
  );
}

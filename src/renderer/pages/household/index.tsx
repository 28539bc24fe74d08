/**
 * One household (一户一档): who lives there, what they receive, and every change with its reason.
 * Clerks and reviewers edit; administrators also enter existing beneficiaries (建账); managers look.
 */
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { Member } from '../../../shared/api/contract';
import { LEDGER_EDITORS } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { EnrollmentsTable } from './EnrollmentsTable';
import { HouseholdEditModal } from './HouseholdEditModal';
import { headOf, HouseholdSummary } from './HouseholdSummary';
import { HouseholdTimeline } from './HouseholdTimeline';
import { InitialEnrollmentModal } from './InitialEnrollmentModal';
import { MembersTable } from './MembersTable';
import { PersonModal } from './PersonModal';

type Open = 'household' | 'person' | 'enrollment' | null;

export function HouseholdPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const household = useRead('households.get', { id }, { silent: true });
  const [open, setOpen] = useState<Open>(null);
  // The member stays while the modal closes, so its title does not change during the animation.
  const [member, setMember] = useState<Member | null>(null);
  const canEdit = LEDGER_EDITORS.includes(user.role);
  const isAdmin = user.role === 'admin';
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
        <EnrollmentsTable enrollments={data.enrollments} members={data.members} />
      </Card>
      <Card title="变更记录" className="household-card">
        <HouseholdTimeline householdId={data.id} />
      </Card>
      {canEdit && <HouseholdEditModal open={open === 'household'} household={data} onClose={() => setOpen(null)} />}
      {canEdit && <PersonModal open={open === 'person'} householdId={data.id} editing={member} onClose={() => setOpen(null)} />}
      {isAdmin && <InitialEnrollmentModal open={open === 'enrollment'} household={data} onClose={() => setOpen(null)} />}
    </>
  );
}

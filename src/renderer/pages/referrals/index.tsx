/**
 * 转介帮扶: needs of households and their members referred to hospitals, counselling services, schools and
 * charity projects (转介记录), and the list of those organisations (帮扶机构). A referral opens in a drawer.
 */
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { CARE_WORKERS } from '../../../shared/domain/roles';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { OrganisationsPanel } from './OrganisationsPanel';
import { ReferralDrawer } from './ReferralDrawer';
import { ReferralsPanel } from './ReferralsPanel';
import { useReferralQuery, type ReferralTab } from './use-referral-query';
import './referrals.css';

export { CaseReferrals } from './CaseReferrals';
export { ReferralModal } from './ReferralModal';

const TAB_LABELS: Record<ReferralTab, string> = { referrals: '转介记录', organisations: '帮扶机构' };

/** The referral stays while the drawer closes, so its content does not vanish during the animation. */
interface Shown {
  open: boolean;
  id: string | null;
}

export function ReferralsPage() {
  const { user } = useSignedIn();
  const [query, update] = useReferralQuery();
  const [shown, setShown] = useState<Shown>({ open: false, id: null });
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const careWorker = CARE_WORKERS.includes(user.role);

  return (
    <>
      <PageTitle title="转介帮扶" note="把家庭或成员的需求转介给医院、心理咨询机构、学校和慈善项目，跟踪接收、服务和办结；超过反馈期限仍未办结的列为逾期" />
      <Card className="ledger-card">
        <Tabs activeKey={query.tab} onChange={(key) => update({ tab: key as ReferralTab })} items={(Object.keys(TAB_LABELS) as ReferralTab[]).map((key) => ({ key, label: TAB_LABELS[key] }))} />
        {query.tab === 'referrals' ? (
          <ReferralsPanel query={query} update={update} fixedTownshipId={fixedTownshipId} canCreate={careWorker} onOpen={(id) => setShown({ open: true, id })} />
        ) : (
          <OrganisationsPanel townshipId={query.townshipId} onTownship={(townshipId) => update({ townshipId })} fixedTownshipId={fixedTownshipId} canEdit={careWorker || user.role === 'admin'} />
        )}
      </Card>
      <ReferralDrawer open={shown.open} referralId={shown.id} onClose={() => setShown((s) => ({ ...s, open: false }))} />
    </>
  );
}

/**
 * 老年关爱: who turns 80, 90 or 100 next month, survival checks (生存认证) of 高龄津贴, the file of elderly with
 * special difficulties with their visits and ability assessments, visit reminders, and for the administrator
 * the policy. An elder opens in a drawer beside the lists.
 */
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { CARE_WORKERS } from '../../../shared/domain/roles';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { ElderDrawer } from './ElderDrawer';
import { ElderDuePanel } from './ElderDuePanel';
import { ElderPolicyPanel } from './ElderPolicyPanel';
import { EldersPanel } from './EldersPanel';
import { SurvivalPanel } from './SurvivalPanel';
import { TurningPanel } from './TurningPanel';
import { useElderlyQuery, type ElderlyTab } from './use-elderly-query';
import './elderly.css';

const TAB_LABELS: Record<ElderlyTab, string> = { turning: '下月年满80/90/100', survival: '生存认证', elders: '特殊困难老年人', due: '探访提醒', policy: '探访周期' };

/** The elder stays while the drawer closes, so its content does not vanish during the animation. */
interface Shown {
  open: boolean;
  personId: string | null;
}

export function ElderlyPage() {
  const { user } = useSignedIn();
  const [query, update, tabs] = useElderlyQuery(user.role);
  const [shown, setShown] = useState<Shown>({ open: false, personId: null });
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const open = (personId: string) => setShown({ open: true, personId });

  const panel = (tab: ElderlyTab) => {
    switch (tab) {
      case 'turning':
        return <TurningPanel query={query} update={update} fixedTownshipId={fixedTownshipId} />;
      case 'survival':
        return <SurvivalPanel query={query} update={update} fixedTownshipId={fixedTownshipId} role={user.role} />;
      case 'elders':
        return <EldersPanel query={query} update={update} fixedTownshipId={fixedTownshipId} canRegister={CARE_WORKERS.includes(user.role)} onOpen={open} />;
      case 'due':
        return <ElderDuePanel query={query} update={update} fixedTownshipId={fixedTownshipId} onOpen={open} />;
      case 'policy':
        return <ElderPolicyPanel />;
    }
  };

  return (
    <>
      <PageTitle title="老年关爱" note="高龄津贴满龄提醒与生存认证，特殊困难老年人一人一档、按周期探访，老年人能力综合评估" />
      <Card className="ledger-card">
        <Tabs activeKey={query.tab} onChange={(key) => update({ tab: key as ElderlyTab })} items={tabs.map((key) => ({ key, label: TAB_LABELS[key] }))} />
        {panel(query.tab)}
      </Card>
      <ElderDrawer open={shown.open} personId={shown.personId} onClose={() => setShown((s) => ({ ...s, open: false }))} />
    </>
  );
}

/**
 * 儿童关爱: the child ledger (儿童关爱台账) with its visit reminders, the 儿童主任 who visit, and for the
 * administrator the visit intervals. A child opens in a drawer beside the lists.
 */
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { CARE_WORKERS } from '../../../shared/domain/roles';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { CareCasesPanel } from './CareCasesPanel';
import { ChildDrawer } from './ChildDrawer';
import { ChildrenPanel } from './ChildrenPanel';
import { DirectorsPanel } from './DirectorsPanel';
import { PolicyPanel } from './PolicyPanel';
import { useCareQuery, type CareTab } from './use-care-query';
import { VisitsDuePanel } from './VisitsDuePanel';
import './care.css';

const TAB_LABELS: Record<CareTab, string> = { due: '探访提醒', children: '儿童台账', cases: '心理个案', directors: '儿童主任', policy: '探访周期' };

/** The child stays while the drawer closes, so its content does not vanish during the animation. */
interface Shown {
  open: boolean;
  personId: string | null;
}

export function CarePage() {
  const { user } = useSignedIn();
  const [query, update, tabs] = useCareQuery(user.role);
  const [shown, setShown] = useState<Shown>({ open: false, personId: null });
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const careWorker = CARE_WORKERS.includes(user.role);
  const open = (personId: string) => setShown({ open: true, personId });

  const panel = (tab: CareTab) => {
    switch (tab) {
      case 'due':
        return <VisitsDuePanel query={query} update={update} fixedTownshipId={fixedTownshipId} onOpen={open} />;
      case 'children':
        return <ChildrenPanel query={query} update={update} fixedTownshipId={fixedTownshipId} canRegister={careWorker} onOpen={open} />;
      case 'cases':
        return <CareCasesPanel fixedTownshipId={fixedTownshipId} />;
      case 'directors':
        return (
          <DirectorsPanel
            townshipId={query.townshipId}
            onTownship={(townshipId) => update({ townshipId })}
            fixedTownshipId={fixedTownshipId}
            canEdit={careWorker || user.role === 'admin'}
          />
        );
      case 'policy':
        return <PolicyPanel />;
    }
  };

  return (
    <>
      <PageTitle title="儿童关爱" note="孤儿、事实无人抚养儿童、困境儿童、留守和流动儿童一人一档，按周期提醒儿童主任探视巡访；点击一行查看儿童档案" />
      <Card className="ledger-card">
        <Tabs activeKey={query.tab} onChange={(key) => update({ tab: key as CareTab })} items={tabs.map((key) => ({ key, label: TAB_LABELS[key] }))} />
        {panel(query.tab)}
      </Card>
      <ChildDrawer open={shown.open} personId={shown.personId} onClose={() => setShown((s) => ({ ...s, open: false }))} />
    </>
  );
}

/**
 * 流浪救助: rescue records of people found homeless or begging (救助记录), and the year's counts by month
 * (月度统计). A record opens in a drawer beside the list.
 */
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { seesRescueRecords } from '../../../shared/domain/vagrant';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { MonthlyPanel } from './MonthlyPanel';
import { RescueDrawer } from './RescueDrawer';
import { RescuesPanel } from './RescuesPanel';
import { useVagrantQuery, VAGRANT_TABS, type VagrantTab } from './use-vagrant-query';
import './vagrant.css';

const TAB_LABELS: Record<VagrantTab, string> = { records: '救助记录', monthly: '月度统计' };

/** The record stays while the drawer closes, so its content does not vanish during the animation. */
interface Shown {
  open: boolean;
  id: string | null;
}

export function VagrantPage() {
  const { user } = useSignedIn();
  const [query, update] = useVagrantQuery();
  const [shown, setShown] = useState<Shown>({ open: false, id: null });
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const open = (id: string) => setShown({ open: true, id });

  return (
    <>
      <PageTitle title="流浪救助" note="流浪乞讨人员救助：发现、入站、救助服务、护送返乡或转送；救助人次按月计入社会救助统计表" />
      <Card className="ledger-card">
        <Tabs activeKey={query.tab} onChange={(key) => update({ tab: key as VagrantTab })} items={VAGRANT_TABS.map((key) => ({ key, label: TAB_LABELS[key] }))} />
        {query.tab === 'records' ? (
          <RescuesPanel query={query} update={update} fixedTownshipId={fixedTownshipId} canRegister={seesRescueRecords(user.role)} onOpen={open} />
        ) : (
          <MonthlyPanel query={query} update={update} fixedTownshipId={fixedTownshipId} />
        )}
      </Card>
      <RescueDrawer open={shown.open} id={shown.id} fixedTownshipId={fixedTownshipId} onClose={() => setShown((s) => ({ ...s, open: false }))} />
    </>
  );
}

/**
 * 导入导出: township rosters read in (建账 or the monthly 核对) with a preview before anything is written,
 * the batches imported so far (which can be undone), and rosters and templates going out.
 */
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { ExportTab } from './ExportTab';
import { HistoryTab } from './HistoryTab';
import { ImportTab } from './ImportTab';

type ExchangeTab = 'import' | 'history' | 'export';

export function ExchangePage() {
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  // Managers read the history and export; importing is the clerks' and the administrator's.
  const canImport = user.role !== 'manager';
  const tabs: ExchangeTab[] = canImport ? ['import', 'history', 'export'] : ['history', 'export'];
  const wanted = params.get('tab') as ExchangeTab | null;
  const tab: ExchangeTab = wanted && tabs.includes(wanted) ? wanted : tabs[0]!;
  const show = (key: ExchangeTab) => setParams(key === tabs[0] ? {} : { tab: key }, { replace: true });

  const items = [
    ...(canImport ? [{ key: 'import', label: '导入花名册', children: <ImportTab onShowHistory={() => show('history')} /> }] : []),
    { key: 'history', label: '导入记录', children: <HistoryTab /> },
    { key: 'export', label: '导出花名册与模板', children: <ExportTab /> },
  ];

  return (
    <>
      <PageTitle title="导入导出" note="导入乡镇报送的花名册（先预览、后导入，可撤销），导出花名册和空白模板" />
      <Card className="ledger-card">
        <Tabs activeKey={tab} onChange={(key) => show(key as ExchangeTab)} items={items} />
      </Card>
    </>
  );
}

/**
 * 对象台账: every household or every person within the user's reach, found by one search box and a few
 * filters, a page of 50 at a time from the server. A row opens its household.
 */
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tabs, type TableProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { HouseholdRow, PersonRow } from '../../../shared/api/contract';
import { LEDGER_EDITORS } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { useSignedIn } from '../../session/session-context';
import { householdColumns, personColumns } from './columns';
import { LedgerFilterBar } from './LedgerFilterBar';
import { filterOf, useLedgerQuery, type LedgerKind } from './use-ledger-query';
import { useFileDelivery } from '../../api/useFileDelivery';
import { openOnClick } from '../../components/open-on-click';

const PAGE_SIZE = 50;
const UNIT: Record<LedgerKind, string> = { households: '户', persons: '人' };

export function LedgerPage() {
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [query, update] = useLedgerQuery();
  const filter = filterOf(query);
  const list = useRead('ledger.list', { ...filter, page: query.page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const roster = useFileDelivery('exports.roster', (rows, where) => `已导出 ${rows} 行：${where}`);
  const canRegister = LEDGER_EDITORS.includes(user.role);
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;

  const unit = UNIT[query.kind];
  const data = list.data;
  const count = data ? (data.totalIsLowerBound ? `超过 ${data.total.toLocaleString('en-US')} ${unit}` : `共 ${data.total.toLocaleString('en-US')} ${unit}`) : '';
  const filtered = Object.keys(filter).length > 1;
  const emptyText = filtered ? '没有符合条件的记录' : canRegister ? '台账中还没有家庭，请点击“登记新家庭”' : '台账中还没有家庭';
  const pagination: TableProps<object>['pagination'] = {
    current: query.page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: (page) => update({ page }),
  };
  // While another tab's answer is still shown (kept during loading), show none of its rows.
  const rows = (data?.rows ?? []).filter((r) => ('memberCount' in r) === (query.kind === 'households'));
  const openHousehold = (id: string) => navigate(`/ledger/households/${id}`);

  return (
    <>
      <PageTitle
        title="对象台账"
        note="一人一档、一户一档。可按姓名、拼音首字母或身份证号码查找，点击一行查看家庭详情"
        extra={
          <Space>
            <Button icon={<ExportOutlined />} loading={roster.busy} onClick={() => void roster.run(filter)}>
              导出花名册
            </Button>
            {canRegister && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/ledger/new')}>
                登记新家庭
              </Button>
            )}
          </Space>
        }
      />
      <Card className="ledger-card">
        <Tabs
          activeKey={query.kind}
          onChange={(kind) => update({ kind: kind as LedgerKind })}
          items={[
            { key: 'households', label: '按户' },
            { key: 'persons', label: '按人' },
          ]}
          tabBarExtraContent={<span className="table-count">{count}</span>}
        />
        <LedgerFilterBar query={query} update={update} fixedTownshipId={fixedTownshipId} />
        {query.kind === 'households' ? (
          <Table<HouseholdRow>
            rowKey="id"
            size="middle"
            columns={householdColumns}
            dataSource={rows as HouseholdRow[]}
            loading={list.isFetching}
            pagination={pagination}
            rowClassName="clickable-row"
            onRow={openOnClick<HouseholdRow>((row) => openHousehold(row.id))}
            scroll={{ x: 1100 }}
            locale={{ emptyText }}
          />
        ) : (
          <Table<PersonRow>
            rowKey="id"
            size="middle"
            columns={personColumns}
            dataSource={rows as PersonRow[]}
            loading={list.isFetching}
            pagination={pagination}
            rowClassName="clickable-row"
            onRow={openOnClick<PersonRow>((row) => openHousehold(row.householdId))}
            scroll={{ x: 1150 }}
            locale={{ emptyText }}
          />
        )}
      </Card>
    </>
  );
}

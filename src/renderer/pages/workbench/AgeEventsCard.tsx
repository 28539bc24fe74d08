/**
 * 年龄节点提醒: people about to cross an age line (16, 18, 60, 80, 90, 100) and those who crossed one
 * while still held in the old category. A row opens the household.
 */
import { Card, Empty, Segmented, Table, Tabs, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AgeEvent } from '../../../shared/api/contract';
import { useRead } from '../../api/queries';
import { openOnClick } from '../../components/open-on-click';
import { ProgramTags } from '../../components/ledger/ProgramTags';

const WINDOWS = [
  { value: 7, label: '7 天' },
  { value: 30, label: '30 天' },
  { value: 90, label: '90 天' },
];

const columns: TableColumnsType<AgeEvent> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '身份证号码', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '乡镇', dataIndex: 'townshipName', width: 100, ellipsis: true },
  { title: '村', dataIndex: 'villageName', width: 100, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: '现年龄', dataIndex: 'age', width: 70, align: 'right' },
  { title: '节点', dataIndex: 'line', width: 64, render: (line: number) => `${line} 岁` },
  { title: '日期', dataIndex: 'date', width: 110, className: 'mono-cell' },
  { title: '说明', dataIndex: 'message' },
  { title: '项目', dataIndex: 'programs', width: 160, render: (programs: AgeEvent['programs']) => <ProgramTags programs={programs.map((program) => ({ program }))} /> },
];

type Which = 'upcoming' | 'overdue';

export function AgeEventsCard() {
  const navigate = useNavigate();
  const [withinDays, setWithinDays] = useState(30);
  const [which, setWhich] = useState<Which>('upcoming');
  const events = useRead('ageEvents.list', { withinDays }, { keepPrevious: true });
  const data = events.data;
  const rows = data ? data[which] : [];
  const empty = which === 'upcoming' ? `未来 ${withinDays} 天内没有人到达年龄节点` : '没有过期未处理的年龄节点';

  return (
    <Card
      title="年龄节点提醒"
      className="age-events-card"
      extra={<Segmented<number> options={WINDOWS} value={withinDays} onChange={setWithinDays} aria-label="提醒范围" />}
    >
      <Tabs
        activeKey={which}
        onChange={(key) => setWhich(key as Which)}
        items={[
          { key: 'upcoming', label: `即将到达（${data?.upcoming.length ?? 0}）` },
          { key: 'overdue', label: `已过期未处理（${data?.overdue.length ?? 0}）` },
        ]}
      />
      <Table<AgeEvent>
        rowKey={(e) => `${e.personId}-${e.line}-${e.date}`}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={events.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName="clickable-row"
        onRow={openOnClick((e) => navigate(`/ledger/households/${e.householdId}`))}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      />
    </Card>
  );
}

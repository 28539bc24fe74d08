/**
 * 生存认证: the 高龄津贴 beneficiaries of a half-year and their check. Care workers record checks; after the
 * half-year and the county's grace days, county clerks and reviewers stop those who missed theirs.
 */
import { Alert, Button, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { SurvivalRow } from '../../../shared/api/elderly.schemas';
import { periodLabel, periodStart, SURVIVAL_METHOD_LABELS, SURVIVAL_RESULT_LABELS } from '../../../shared/domain/elderly';
import { ENROLLMENT_STATUS_LABELS, PROGRAM_CATEGORIES } from '../../../shared/domain/programs';
import { CARE_WORKERS, type Role } from '../../../shared/domain/roles';
import { useRead } from '../../api/queries';
import { FilterBar, FilterSearch } from '../../components/ledger/FilterBar';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import { currentPeriod, periodOptions } from './elderly-options';
import { placeOf } from '../../app/format';
import { StopMissingButton } from './StopMissingButton';
import { SurvivalModal } from './SurvivalModal';
import { type ElderlyQuery, type SurvivalState } from './use-elderly-query';
import { tablePagination } from '../../app/address-query';

const STOPPERS: readonly Role[] = ['county_clerk', 'county_reviewer'];

function CheckCell({ row }: { row: SurvivalRow }) {
  const c = row.check;
  if (!c) return <Typography.Text type="danger">未认证</Typography.Text>;
  return (
    <div className="elderly-check-line">
      <Tag color={c.result === 'alive' ? 'green' : 'default'}>{SURVIVAL_RESULT_LABELS[c.result]}</Tag>
      <span className="mono">{c.checkedOn}</span> · {SURVIVAL_METHOD_LABELS[c.method]}
      {c.deceasedOn && <div className="muted">死亡日期 {c.deceasedOn}</div>}
    </div>
  );
}

function StatusCell({ row }: { row: SurvivalRow }) {
  if (row.enrollmentStatus === 'stopped') return <Tag>已停发{row.endMonth ? `（发至 ${row.endMonth}）` : ''}</Tag>;
  return <Tag color="success">{ENROLLMENT_STATUS_LABELS[row.enrollmentStatus]}</Tag>;
}

interface Props {
  query: ElderlyQuery;
  update: (patch: Partial<ElderlyQuery>) => void;
  fixedTownshipId: string | null;
  role: Role;
}

export function SurvivalPanel({ query, update, fixedTownshipId, role }: Props) {
  const [checking, setChecking] = useState<SurvivalRow | null>(null);
  const period = query.period ?? currentPeriod();
  const options = useMemo(() => {
    const list = periodOptions();
    return list.some((o) => o.value === period) ? list : [...list, { value: period, label: periodLabel(period) }];
  }, [period]);
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const state = query.state ?? 'all';
  const list = useRead('elderly.survival.list', { period, townshipId, state, q: query.q, page: query.page, pageSize: query.pageSize }, { keepPrevious: true });
  const data = list.data;
  const canCheck = CARE_WORKERS.includes(role) && data !== undefined && periodStart(period) <= data.today;

  const columns: TableColumnsType<SurvivalRow> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (name: string, row) => <Link to={`/ledger/households/${row.householdId}`}>{name}</Link> },
    { title: '身份证号', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
    { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
    { title: '档次', dataIndex: 'band', width: 110, render: (band: SurvivalRow['band']) => (band ? PROGRAM_CATEGORIES.gaoling![band] : '—') },
    { title: '乡镇/村', key: 'place', width: 170, ellipsis: true, render: (_: unknown, row) => placeOf(row) },
    { title: '发放状态', key: 'status', width: 150, render: (_: unknown, row) => <StatusCell row={row} /> },
    { title: '认证情况', key: 'check', width: 230, render: (_: unknown, row) => <CheckCell row={row} /> },
  ];
  if (canCheck) {
    columns.push({
      title: '',
      key: 'act',
      width: 100,
      render: (_: unknown, row) =>
        !row.check && (
          <Button size="small" onClick={() => setChecking(row)}>
            登记认证
          </Button>
        ),
    });
  }

  const filtered = Boolean(query.q || (!fixedTownshipId && query.townshipId) || query.state);

  return (
    <>
      <FilterBar filtered={filtered} onClear={() => update({ townshipId: undefined, state: undefined, q: undefined })}>
        <Select aria-label="认证期间" options={options} value={period} onChange={(p: string) => update({ period: p })} style={{ width: 170 }} />
        <Segmented<SurvivalState>
          aria-label="认证情况"
          value={state}
          onChange={(s) => update({ state: s === 'all' ? undefined : s })}
          options={[
            { value: 'all', label: `全部${data ? ` ${data.totals.all}` : ''}` },
            { value: 'checked', label: `已认证${data ? ` ${data.totals.checked}` : ''}` },
            { value: 'missing', label: `未认证${data ? ` ${data.totals.missing}` : ''}` },
          ]}
        />
        <FilterSearch q={query.q} onSearch={(q) => update({ q })} placeholder="姓名、拼音首字母或身份证号" className="elderly-search" />
        {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(id) => update({ townshipId: id })} />}
      </FilterBar>
      {data && (
        <div className="elderly-summary">
          <Typography.Text>
            {periodLabel(period)}应认证 {data.totals.all} 人：已认证 {data.totals.checked} 人，未认证 {data.totals.missing} 人
            {data.totals.deceased > 0 ? `，认证死亡 ${data.totals.deceased} 人` : ''}。
          </Typography.Text>
          {STOPPERS.includes(role) && data.stop.policyStops && data.stop.allowed && <StopMissingButton period={period} pending={data.stop.pending} />}
        </div>
      )}
      {data && data.today < data.stop.allowedFrom && data.stop.policyStops && (
        <Alert
          type="info"
          showIcon
          className="modal-alert"
          title={`本期认证截至 ${data.periodEnd}，${data.stop.allowedFrom} 起未完成认证的人员下月起停发高龄津贴。`}
        />
      )}
      {data && !data.stop.policyStops && <Alert type="info" showIcon className="modal-alert" title="按本县设置，未完成生存认证不停发高龄津贴。" />}
      <Table<SurvivalRow>
        rowKey="enrollmentId"
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={list.isFetching}
        pagination={tablePagination(query, data?.total, update)}
        scroll={{ x: 1150 }}
        locale={{ emptyText: filtered ? '没有符合条件的人员' : '该期间没有高龄津贴在保人员' }}
      />
      <SurvivalModal row={checking} period={period} onClose={() => setChecking(null)} />
    </>
  );
}

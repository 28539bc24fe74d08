/**
 * 月度统计: a year by month — rescues admitted (人次), exits by outcome, the average stay of those who left,
 * and how many were in the station at the month's end — with the year's 合计.
 */
import { DatePicker, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { RescueMonth } from '../../../shared/api/vagrant.schemas';
import { useRead } from '../../api/queries';
import { TownshipFilter } from '../../components/ledger/TownshipFilter';
import type { VagrantQuery } from './use-vagrant-query';

const count = (n: number) => n.toLocaleString('en-US');
const orDash = (n: number | null, text: (n: number) => string) => (n === null ? '—' : text(n));

const COLUMNS: TableColumnsType<RescueMonth> = [
  { title: '月份', dataIndex: 'month', width: 90, render: (m: string) => `${Number(m.slice(5, 7))}月` },
  { title: '救助人次', dataIndex: 'rescues', width: 100, align: 'right', render: count },
  { title: '护送返乡', dataIndex: 'escortedHome', width: 100, align: 'right', render: count },
  { title: '亲属接回', dataIndex: 'familyPickup', width: 100, align: 'right', render: count },
  { title: '转送机构', dataIndex: 'transferred', width: 100, align: 'right', render: count },
  { title: '其他离站', dataIndex: 'otherExits', width: 100, align: 'right', render: count },
  { title: '平均在站天数', dataIndex: 'averageStayDays', width: 120, align: 'right', render: (n: number | null) => orDash(n, (d) => d.toFixed(1)) },
  { title: '月末在站', dataIndex: 'inStationAtEnd', width: 100, align: 'right', render: (n: number | null) => orDash(n, count) },
];

interface Props {
  query: VagrantQuery;
  update: (patch: Partial<VagrantQuery>) => void;
  fixedTownshipId: string | null;
}

export function MonthlyPanel({ query, update, fixedTownshipId }: Props) {
  const year = query.year ?? dayjs().year();
  const townshipId = fixedTownshipId ? undefined : query.townshipId;
  const monthly = useRead('vagrant.monthly', { year, townshipId }, { keepPrevious: true });
  const data = monthly.data;
  const total = data?.total;

  return (
    <>
      <div className="vagrant-monthly-bar">
        <DatePicker
          aria-label="年度"
          picker="year"
          format="YYYY年"
          value={dayjs(`${year}-01-01`)}
          allowClear={false}
          disabledDate={(day) => day.isAfter(dayjs(), 'year')}
          onChange={(day: Dayjs | null) => day && update({ year: day.year() })}
          style={{ width: 120 }}
        />
        {!fixedTownshipId && <TownshipFilter value={query.townshipId} onChange={(id) => update({ townshipId: id })} />}
        <Typography.Text type="secondary">救助人次按入站月份、离站按离站月份统计；平均在站天数为当月离站人员的平均值；合计行的在站人数为年末（本年为今天）在站人数。</Typography.Text>
      </div>
      <Table<RescueMonth>
        rowKey="month"
        size="middle"
        className="vagrant-monthly-table"
        columns={COLUMNS}
        dataSource={data?.months ?? []}
        loading={monthly.isFetching}
        pagination={false}
        scroll={{ x: 820 }}
        summary={() =>
          total && (
            <Table.Summary.Row className="vagrant-total" data-testid="vagrant-monthly-total">
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {count(total.rescues)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {count(total.escortedHome)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {count(total.familyPickup)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {count(total.transferred)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {count(total.otherExits)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {orDash(total.averageStayDays, (d) => d.toFixed(1))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {orDash(total.inStationAtEnd, count)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </>
  );
}

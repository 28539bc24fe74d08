/**
 * 节假日安排: the days off and make-up working days of a year, which statutory deadlines count with.
 * Shipped years come from the State Council's notices; administrators enter later years themselves.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CalendarDayRow } from '../../../shared/api/contract';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { PageTitle } from '../../components/PageTitle';
import { CalendarDayModal } from './CalendarDayModal';
import { KIND_COLORS, KIND_LABELS, SOURCE_LABELS, weekdayOf } from './day-labels';
import { YearGrid } from './YearGrid';

function RestoreButton({ day }: { day: CalendarDayRow }) {
  const { message } = App.useApp();
  const save = useWrite('calendar.saveDay', ['calendar.year']);
  const restore = async () => {
    try {
      await save.mutateAsync({ date: day.date, kind: null, name: '' });
      message.success(`${day.date} 已恢复为普通日`);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Popconfirm title={`将 ${day.date} 恢复为普通日？`} description="恢复后按周一至周五上班、周末休息计算。" okText="恢复" cancelText="取消" onConfirm={restore}>
      <Button type="link" size="small" loading={save.isPending}>
        恢复为普通日
      </Button>
    </Popconfirm>
  );
}

const columns: TableColumnsType<CalendarDayRow> = [
  {
    title: '日期',
    dataIndex: 'date',
    width: 160,
    render: (date: string) => (
      <>
        <span className="mono">{date}</span> {weekdayOf(date)}
      </>
    ),
  },
  { title: '类型', dataIndex: 'kind', width: 110, render: (kind: CalendarDayRow['kind']) => <Tag color={KIND_COLORS[kind]}>{KIND_LABELS[kind]}</Tag> },
  { title: '名称', dataIndex: 'name', render: (name: string) => name || '—' },
  { title: '来源', dataIndex: 'source', width: 110, render: (source: CalendarDayRow['source']) => SOURCE_LABELS[source] },
  { title: '操作', key: 'action', width: 130, render: (_, day) => <RestoreButton day={day} /> },
];

export function CalendarPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState(false);
  const calendar = useRead('calendar.year', { year }, { keepPrevious: true });
  const data = calendar.data?.year === year ? calendar.data : undefined;
  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }));

  return (
    <>
      <PageTitle
        title="节假日安排"
        note="审批期限按工作日计算：放假日不计，调休上班日照常计算"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            新增日期
          </Button>
        }
      />
      <div className="cal-toolbar">
        <Segmented<number> options={years} value={year} onChange={setYear} />
        {data && (
          <Typography.Text>
            {year} 年共 <strong className="cal-count">{data.workingDays}</strong> 个工作日
          </Typography.Text>
        )}
      </div>
      {data && !data.covered && (
        <Alert
          type="warning"
          showIcon
          className="cal-alert"
          title={`${year} 年的节假日安排尚未录入（未见春节假期）：期限将只按周末计算。国务院办公厅每年 11–12 月公布次年安排，请据此录入。`}
        />
      )}
      <Card title="特殊日期" className="cal-card">
        <Table<CalendarDayRow>
          rowKey="date"
          size="middle"
          columns={columns}
          dataSource={data?.days ?? []}
          loading={calendar.isFetching && !data}
          pagination={false}
          bordered
          locale={{ emptyText: `${year} 年还没有节假日安排` }}
        />
      </Card>
      <Card title="全年一览" className="cal-card">
        <YearGrid year={year} days={data?.days ?? []} />
      </Card>
      <CalendarDayModal open={open} year={year} onClose={() => setOpen(false)} onSaved={(y) => y >= thisYear - 1 && y <= thisYear + 1 && setYear(y)} />
    </>
  );
}

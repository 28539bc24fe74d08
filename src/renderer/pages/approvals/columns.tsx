import { Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { formatDateTime, placeOf } from '../../app/format';
import { applicantOf, yuanOrDash } from './case-text';
import { CaseStepCell } from './CaseState';
import { DueDate } from './DueDate';

export function caseColumns(withMyAction: boolean): TableColumnsType<CaseRow> {
  const columns: TableColumnsType<CaseRow> = [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      width: 150,
      render: (caseNo: string, row) => (
        <>
          <Link to={`/approvals/${row.id}`} className="mono">
            {caseNo}
          </Link>
          {row.overdue && (
            <Tag color="error" className="current-tag">
              超期
            </Tag>
          )}
          {row.crisis && (
            <Tag color="error" className="current-tag">
              危机
            </Tag>
          )}
        </>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', width: 150, ellipsis: true },
    { title: '申请人', key: 'applicant', width: 120, ellipsis: true, render: (_: unknown, row) => applicantOf(row) },
    {
      title: '乡镇/村',
      key: 'place',
      width: 140,
      ellipsis: true,
      render: (_: unknown, row) => placeOf(row),
    },
    { title: '当前环节', key: 'step', width: 130, render: (_: unknown, row) => <CaseStepCell {...row} /> },
    {
      title: '环节期限',
      key: 'stepDue',
      width: 140,
      render: (_: unknown, row) => (row.status === 'open' ? <DueDate due={row.stepDue} days={row.stepDaysLeft} unit={row.stepDueUnit} stacked /> : '—'),
    },
    {
      title: '办结期限',
      dataIndex: 'caseDue',
      width: 110,
      render: (due: string, row) => (
        <Typography.Text type={row.caseDaysLeft !== null && row.caseDaysLeft < 0 ? 'danger' : undefined} className="mono">
          {due}
        </Typography.Text>
      ),
    },
    { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', className: 'money-cell', render: yuanOrDash },
  ];
  if (withMyAction) columns.push({ title: '我的办理时间', dataIndex: 'myLastActionAt', width: 140, render: (at: string | null) => formatDateTime(at) });
  return columns;
}

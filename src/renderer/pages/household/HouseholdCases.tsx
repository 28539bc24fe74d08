/** 审批案件: every case of this household, newest first as the server gives them; a case number opens it. */
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { useRead } from '../../api/queries';
import { CaseStepCell } from '../approvals/CaseState';
import { yuanOrDash } from '../approvals/case-text';

const columns: TableColumnsType<CaseRow> = [
  {
    title: '案件编号',
    dataIndex: 'caseNo',
    width: 190,
    render: (caseNo: string, row) => (
      <Link to={`/approvals/${row.id}`} className="mono">
        {caseNo}
      </Link>
    ),
  },
  { title: '类型', dataIndex: 'kindLabel', width: 200, ellipsis: true },
  { title: '申请人', dataIndex: 'subjectName', width: 100, render: (name: string | null) => name ?? '—' },
  { title: '当前环节/结果', key: 'step', width: 160, render: (_: unknown, row) => <CaseStepCell {...row} /> },
  { title: '受理日期', dataIndex: 'openedOn', width: 110, className: 'mono-cell' },
  { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', className: 'money-cell', render: yuanOrDash },
];

export function HouseholdCases({ householdId }: { householdId: string }) {
  const cases = useRead('cases.ofHousehold', { householdId });
  return (
    <Table<CaseRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={cases.data ?? []}
      loading={cases.isPending}
      pagination={false}
      scroll={{ x: 880 }}
      locale={{ emptyText: '该户还没有审批案件' }}
    />
  );
}

/** The household's members as the case sees them: who is covered by it (纳入保障). */
import { Table, Tag, type TableColumnsType } from 'antd';
import type { CaseDetail } from '../../../shared/api/cases.schemas';
import { RELATION_LABELS } from '../../../shared/domain/household';
import { labelOf } from '../../components/ledger/person-options';

type CaseMember = CaseDetail['members'][number];

const columns: TableColumnsType<CaseMember> = [
  { title: '姓名', dataIndex: 'name', width: 100 },
  // As the server gives it: whole or masked by the user's role.
  { title: '身份证号码', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '与户主关系', dataIndex: 'relation', width: 110, render: (r: string | null) => labelOf(RELATION_LABELS, r) },
  { title: '年龄', dataIndex: 'age', width: 70, align: 'right' },
  {
    title: '纳入保障',
    dataIndex: 'covered',
    width: 90,
    render: (covered: boolean) => (covered ? <Tag color="blue">是</Tag> : <span className="muted">否</span>),
  },
];

export function CaseMembers({ members }: { members: CaseMember[] }) {
  return (
    <Table<CaseMember>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: '没有成员信息' }}
    />
  );
}

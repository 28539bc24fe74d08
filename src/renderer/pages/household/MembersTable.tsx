import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { Member } from '../../../shared/api/contract';
import { RELATION_LABELS } from '../../../shared/domain/household';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, HEALTH_STATES, SCHOOL_STATES, SELF_CARE_LEVELS, SEX_LABELS } from '../../../shared/domain/person-attributes';
import { labelOf } from '../../components/ledger/person-options';

function disabilityText(m: Member): string {
  if (!m.disabilityCategory) return '—';
  const grade = m.disabilityGrade ? labelOf(DISABILITY_GRADES, m.disabilityGrade) : '';
  return `${labelOf(DISABILITY_CATEGORIES, m.disabilityCategory)}${grade ? ` ${grade}` : ''}`;
}

interface Props {
  members: Member[];
  headPersonId: string | null;
  /** When given, each row has an 编辑 button. */
  onEdit?: (member: Member) => void;
}

export function MembersTable({ members, headPersonId, onEdit }: Props) {
  const columns: TableColumnsType<Member> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, m) => (
        <>
          {name}
          {m.id === headPersonId && (
            <Tag color="blue" className="head-tag">
              户主
            </Tag>
          )}
        </>
      ),
    },
    { title: '身份证号码', dataIndex: 'idNumber', width: 180, className: 'mono-cell' },
    { title: '性别', dataIndex: 'sex', width: 50, render: (sex: Member['sex']) => SEX_LABELS[sex] },
    { title: '出生日期', dataIndex: 'birthDate', width: 100, className: 'mono-cell' },
    { title: '年龄', dataIndex: 'age', width: 50, align: 'right' },
    { title: '与户主关系', dataIndex: 'relation', width: 100, render: (r: Member['relation']) => RELATION_LABELS[r] },
    { title: '民族', dataIndex: 'ethnicity', width: 70, render: (e: string | null) => e ?? '—' },
    { title: '残疾', key: 'disability', width: 110, render: (_: unknown, m) => disabilityText(m) },
    { title: '自理能力', dataIndex: 'selfCare', width: 80, render: (v: string | null) => labelOf(SELF_CARE_LEVELS, v) },
    { title: '健康', dataIndex: 'health', width: 90, render: (v: string | null) => labelOf(HEALTH_STATES, v) },
    { title: '在学', dataIndex: 'schoolStatus', width: 86, render: (v: string | null) => labelOf(SCHOOL_STATES, v) },
  ];
  if (onEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_: unknown, m) => (
        <Button type="link" size="small" onClick={() => onEdit(m)}>
          编辑
        </Button>
      ),
    });
  }
  return (
    <Table<Member>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={members}
      pagination={false}
      scroll={{ x: 1040 }}
      locale={{ emptyText: '该户还没有成员' }}
    />
  );
}

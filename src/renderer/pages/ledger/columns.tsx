import type { TableColumnsType } from 'antd';
import type { HouseholdRow, PersonRow } from '../../../shared/api/contract';
import { HUKOU_LABELS, RELATION_LABELS } from '../../../shared/domain/household';
import { formatYuan } from '../../../shared/domain/money';
import { SEX_LABELS } from '../../../shared/domain/person-attributes';
import { labelOf } from '../../components/ledger/person-options';
import { ProgramTags } from '../../components/ledger/ProgramTags';

const orDash = (value: string | null) => value ?? '—';

export const householdColumns: TableColumnsType<HouseholdRow> = [
  { title: '户主', dataIndex: 'headName', width: 100, render: (name: string | null) => name ?? '（未指定）' },
  { title: '身份证号码', dataIndex: 'headIdNumber', width: 190, className: 'mono-cell', render: orDash },
  { title: '乡镇', dataIndex: 'townshipName', width: 100, ellipsis: true },
  { title: '村（社区）', dataIndex: 'villageName', width: 110, ellipsis: true, render: orDash },
  { title: '住址', dataIndex: 'address', ellipsis: true },
  { title: '户口', dataIndex: 'hukouType', width: 64, render: (h: HouseholdRow['hukouType']) => HUKOU_LABELS[h] },
  { title: '人口', dataIndex: 'memberCount', width: 64, align: 'right' },
  { title: '保障项目', dataIndex: 'programs', width: 200, render: (programs: HouseholdRow['programs']) => <ProgramTags programs={programs} /> },
  {
    title: '月保障金额（元）',
    dataIndex: 'monthlyTotalFen',
    width: 140,
    align: 'right',
    className: 'money-cell',
    render: (fen: number, row) => (fen === 0 && row.programs.length === 0 ? '—' : formatYuan(fen)),
  },
];

export const personColumns: TableColumnsType<PersonRow> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '身份证号码', dataIndex: 'idNumber', width: 190, className: 'mono-cell' },
  { title: '性别', dataIndex: 'sex', width: 56, render: (sex: PersonRow['sex']) => SEX_LABELS[sex] },
  { title: '出生日期', dataIndex: 'birthDate', width: 110, className: 'mono-cell' },
  { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
  { title: '与户主关系', dataIndex: 'relation', width: 110, render: (r: string | null) => labelOf(RELATION_LABELS, r) },
  { title: '户主', dataIndex: 'headName', width: 90, render: orDash },
  { title: '乡镇', dataIndex: 'townshipName', width: 100, ellipsis: true },
  { title: '村', dataIndex: 'villageName', width: 110, ellipsis: true, render: orDash },
  { title: '保障项目', dataIndex: 'programs', render: (programs: PersonRow['programs']) => <ProgramTags programs={programs} /> },
];

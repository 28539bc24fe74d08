/**
 * The members of a new household as a grid, one row per person, typed from the keyboard: Enter moves to
 * the next cell, and past the last cell a new row starts. Sex, birth date and age come from the ID.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, Select, Table, Tooltip, type FormListFieldData, type TableColumnsType } from 'antd';
import { useRef } from 'react';
import { ID_VALIDATE_TRIGGERS, idNumberRules } from '../../components/ledger/id-check';
import { DEFAULT_ETHNICITY, DISABILITY_OPTIONS, ETHNICITY_OPTIONS, HEALTH_OPTIONS, RELATION_OPTIONS, SCHOOL_OPTIONS, SELF_CARE_OPTIONS } from '../../components/ledger/person-options';
import { gridEnter } from './grid-keys';
import { DerivedCell, GradeSelect } from './MemberCells';
import type { MemberProblems } from './member-problems';

export const newMemberRow = (first: boolean) => ({ relation: first ? ('self' as const) : undefined, ethnicity: DEFAULT_ETHNICITY });

const cellLabel = (row: number, what: string) => `第${row + 1}位成员 ${what}`;
const SEARCH = { optionFilterProp: 'label' } as const;

/** An optional coded attribute as a searchable select cell. */
function choiceColumn(key: string, title: string, width: number, options: { value: string | number; label: string }[], placeholder: string) {
  return {
    title,
    key,
    width,
    render: (_: unknown, f: FormListFieldData) => (
      <Form.Item name={[f.name, key]}>
        <Select aria-label={cellLabel(f.name, title)} options={options} allowClear placeholder={placeholder} showSearch={SEARCH} />
      </Form.Item>
    ),
  };
}

interface Props {
  problems: MemberProblems;
  /** After an ID number is left: ask the server about the list. */
  onIdBlur: () => void;
  /** Rows were removed: earlier answers of the server no longer match. */
  onRemoved: () => void;
}

export function MembersGrid({ problems, onIdBlur, onRemoved }: Props) {
  const gridRef = useRef<HTMLDivElement>(null);

  const focusName = (row: number) => {
    setTimeout(() => gridRef.current?.querySelector<HTMLInputElement>(`input[aria-label="${cellLabel(row, '姓名')}"]`)?.focus(), 0);
  };

  return (
    <Form.List name="members">
      {(fields, { add, remove }, { errors }) => {
        const addRow = () => {
          add(newMemberRow(fields.length === 0));
          focusName(fields.length);
        };
        const columns: TableColumnsType<FormListFieldData> = [
          { title: '序号', key: 'no', width: 48, align: 'center', fixed: 'left', render: (_: unknown, f) => <span className="derived-cell">{f.name + 1}</span> },
          {
            title: '姓名',
            key: 'name',
            width: 110,
            fixed: 'left',
            render: (_: unknown, f) => (
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30 }, problems.rule(f.name, 'name')]}>
                <Input aria-label={cellLabel(f.name, '姓名')} maxLength={30} autoComplete="off" />
              </Form.Item>
            ),
          },
          {
            title: '身份证号码',
            key: 'idNumber',
            width: 210,
            render: (_: unknown, f) => (
              <Form.Item name={[f.name, 'idNumber']} rules={[...idNumberRules(), problems.rule(f.name, 'idNumber')]} validateTrigger={ID_VALIDATE_TRIGGERS} validateFirst>
                <Input aria-label={cellLabel(f.name, '身份证号码')} maxLength={30} autoComplete="off" className="mono-input" onBlur={onIdBlur} />
              </Form.Item>
            ),
          },
          { title: '性别', key: 'sex', width: 52, render: (_: unknown, f) => <DerivedCell row={f.name} show="sex" /> },
          { title: '出生日期', key: 'birthDate', width: 104, render: (_: unknown, f) => <DerivedCell row={f.name} show="birthDate" /> },
          { title: '年龄', key: 'age', width: 52, render: (_: unknown, f) => <DerivedCell row={f.name} show="age" /> },
          {
            title: '与户主关系',
            key: 'relation',
            width: 150,
            render: (_: unknown, f) => (
              <Form.Item name={[f.name, 'relation']} rules={[{ required: true, message: '请选择' }]}>
                <Select aria-label={cellLabel(f.name, '与户主关系')} options={RELATION_OPTIONS} placeholder="请选择" showSearch={SEARCH} />
              </Form.Item>
            ),
          },
          {
            title: '民族',
            key: 'ethnicity',
            width: 100,
            render: (_: unknown, f) => (
              <Form.Item name={[f.name, 'ethnicity']} rules={[{ max: 10 }]}>
                <AutoComplete aria-label={cellLabel(f.name, '民族')} options={ETHNICITY_OPTIONS} showSearch={{ filterOption: true }} />
              </Form.Item>
            ),
          },
          choiceColumn('disabilityCategory', '残疾类别', 120, DISABILITY_OPTIONS, '无'),
          {
            title: '等级',
            key: 'disabilityGrade',
            width: 90,
            render: (_: unknown, f) => (
              <Form.Item name={[f.name, 'disabilityGrade']}>
                <GradeSelect row={f.name} label={cellLabel(f.name, '残疾等级')} />
              </Form.Item>
            ),
          },
          choiceColumn('selfCare', '自理能力', 104, SELF_CARE_OPTIONS, '—'),
          choiceColumn('health', '健康状况', 116, HEALTH_OPTIONS, '—'),
          choiceColumn('schoolStatus', '在学情况', 110, SCHOOL_OPTIONS, '—'),
          {
            title: '',
            key: 'remove',
            width: 48,
            fixed: 'right',
            render: (_: unknown, f) => (
              <Tooltip title="删除此成员">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除第${f.name + 1}位成员`}
                  disabled={fields.length === 1}
                  onClick={() => {
                    remove(f.name);
                    onRemoved();
                  }}
                />
              </Tooltip>
            ),
          },
        ];
        return (
          <>
            <div ref={gridRef} onKeyDownCapture={(e) => gridEnter(e, addRow)} className="members-grid">
              <Table<FormListFieldData> rowKey="key" size="small" columns={columns} dataSource={fields} pagination={false} scroll={{ x: 1410 }} bordered />
            </div>
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={addRow} className="members-add">
              添加成员
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

/** 列对应: which field each column of the roster fills, as detected, for the clerk to correct. */
import { Collapse, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ImportPreview } from '../../../shared/api/imports.schemas';
import type { ImportField } from '../../../shared/domain/import/fields';
import { FIELD_OPTIONS, mappingOf, NOT_IMPORTED, type Mapping } from './settings';

type Column = ImportPreview['columns'][number];

interface Props {
  columns: ImportPreview['columns'];
  onChange: (mapping: Mapping) => void;
  disabled: boolean;
}

export function MappingTable({ columns, onChange, disabled }: Props) {
  const mapped = columns.filter((c) => c.field !== null).length;
  const choose = (column: Column, value: string) => {
    const mapping = mappingOf(columns);
    mapping[String(column.index)] = value === NOT_IMPORTED ? null : (value as ImportField);
    onChange(mapping);
  };

  const tableColumns: TableColumnsType<Column> = [
    { title: '列', dataIndex: 'letter', width: 60, className: 'mono-cell' },
    {
      title: '表头',
      dataIndex: 'header',
      width: 220,
      render: (header: string, c) => (
        <>
          {header || <Typography.Text type="secondary">（无表头）</Typography.Text>}
          {c.hidden && <Tag className="import-hidden-tag">隐藏列</Tag>}
        </>
      ),
    },
    {
      title: '示例',
      dataIndex: 'samples',
      render: (samples: string[]) => (samples.length > 0 ? samples.join('　/　') : <Typography.Text type="secondary">（空）</Typography.Text>),
    },
    {
      title: '导入为',
      key: 'field',
      width: 200,
      render: (_: unknown, c) => (
        <Select
          aria-label={`${c.letter} 列导入为`}
          className="import-field-select"
          value={c.field ?? NOT_IMPORTED}
          disabled={disabled}
          onChange={(value: string) => choose(c, value)}
          options={FIELD_OPTIONS}
          showSearch={{ optionFilterProp: 'label' }}
        />
      ),
    },
  ];

  return (
    <Collapse
      className="import-mapping"
      items={[
        {
          key: 'mapping',
          label: `列对应（共 ${columns.length} 列，导入 ${mapped} 列）`,
          children: (
            <Table<Column>
              rowKey="index"
              size="small"
              columns={tableColumns}
              dataSource={columns}
              pagination={false}
              rowClassName={(c) => (c.field === null ? 'import-column-skipped' : '')}
            />
          ),
        },
      ]}
    />
  );
}

/** The problems found row by row, filterable by kind; the downloadable list holds them all. */
import { Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportProblem } from '../../../shared/api/imports.schemas';
import { ROW_PROBLEM_LABELS, type RowProblemCode } from '../../../shared/domain/import/problems';

type Row = ImportProblem & { key: number };

const columns: TableColumnsType<Row> = [
  { title: '行', dataIndex: 'row', width: 70 },
  {
    title: '列',
    key: 'column',
    width: 200,
    render: (_: unknown, p) => (p.columnLetter ? `${p.columnLetter} 列 ${p.column}` : p.column || '—'),
  },
  {
    title: '问题',
    dataIndex: 'code',
    width: 190,
    render: (code: RowProblemCode, p) => <Tag color={p.severity === 'error' ? 'red' : 'orange'}>{ROW_PROBLEM_LABELS[code]}</Tag>,
  },
  { title: '说明', dataIndex: 'message' },
];

export function ProblemsTable({ problems, problemCount }: { problems: ImportProblem[]; problemCount: number }) {
  const [code, setCode] = useState<RowProblemCode | undefined>(undefined);
  const options = useMemo(() => {
    const counts = new Map<RowProblemCode, number>();
    for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ value, label: `${ROW_PROBLEM_LABELS[value]}（${n}）` }));
  }, [problems]);
  // A filter for a kind the new preview no longer has shows everything again.
  const active = code && options.some((o) => o.value === code) ? code : undefined;
  const keyed = useMemo(() => problems.map((p, key) => ({ ...p, key })), [problems]);
  const rows = active ? keyed.filter((p) => p.code === active) : keyed;

  if (problemCount === 0) return <Typography.Text type="success">没有发现问题。</Typography.Text>;
  return (
    <>
      <div className="table-toolbar">
        <Select
          aria-label="按问题筛选"
          className="table-filter"
          allowClear
          placeholder="全部问题"
          value={active}
          onChange={(v: RowProblemCode | undefined) => setCode(v)}
          options={options}
        />
        <span className="table-count">
          {problemCount > problems.length ? `共 ${problemCount} 处，此处列出前 ${problems.length} 处，全部见问题清单` : `共 ${problemCount} 处`}
        </span>
      </div>
      <Table<Row>
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </>
  );
}

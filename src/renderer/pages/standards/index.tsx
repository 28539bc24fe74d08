/**
 * 保障标准: each standard item with all its versions, newest first; the version in force today is marked
 * 现行. Administrators add versions; nothing is deleted, so last year's reports use last year's figures.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { toIsoDate } from '../../../shared/domain/dates';
import { formatYuan } from '../../../shared/domain/money';
import { STANDARD_ITEMS } from '../../../shared/domain/standards';
import { useRead } from '../../api/queries';
import { standardInForce, type StandardVersion } from '../../components/ledger/standard-in-force';
import { PageTitle } from '../../components/PageTitle';
import { StandardModal } from './StandardModal';

interface Row extends StandardVersion {
  /** How many rows of its item follow this first one (for the merged 标准项目 cell), 0 for later rows. */
  span: number;
  current: boolean;
}

/** Versions grouped by item in the order of STANDARD_ITEMS, newest first within an item. */
function rowsOf(versions: readonly StandardVersion[]): Row[] {
  const today = toIsoDate(new Date());
  const order = (item: string) => {
    const i = STANDARD_ITEMS.findIndex((s) => s.item === item);
    return i < 0 ? STANDARD_ITEMS.length : i;
  };
  const items = [...new Set(versions.map((v) => v.item))].sort((a, b) => order(a) - order(b));
  return items.flatMap((item) => {
    const current = standardInForce(versions, item, today);
    const list = versions.filter((v) => v.item === item).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    return list.map((v, i) => ({ ...v, span: i === 0 ? list.length : 0, current: v.id === current?.id }));
  });
}

const columns: TableColumnsType<Row> = [
  { title: '标准项目', dataIndex: 'label', width: 260, onCell: (row) => ({ rowSpan: row.span }) },
  { title: '金额（元/人·月）', dataIndex: 'amountFen', width: 150, align: 'right', className: 'money-cell', render: (fen: number) => formatYuan(fen) },
  {
    title: '生效日期',
    dataIndex: 'effectiveFrom',
    width: 170,
    render: (date: string, row) => (
      <>
        <span className="mono">{date}</span>
        {row.current && (
          <Tag color="success" className="current-tag">
            现行
          </Tag>
        )}
        {!row.current && date > toIsoDate(new Date()) && (
          <Tag color="processing" className="current-tag">
            待生效
          </Tag>
        )}
      </>
    ),
  },
  { title: '备注', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
];

export function StandardsPage() {
  const standards = useRead('standards.list', {});
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageTitle
        title="保障标准"
        note="各项保障标准按生效日期分版本保存；某月的金额按该月 1 日有效的标准计算"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            新增标准
          </Button>
        }
      />
      <Card>
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rowsOf(standards.data ?? [])}
          loading={standards.isPending}
          pagination={false}
          bordered
          locale={{ emptyText: '还没有保障标准' }}
        />
      </Card>
      <StandardModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}

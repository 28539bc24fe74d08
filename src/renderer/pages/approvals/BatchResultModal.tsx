/** What a batch did, case by case: done, or not and why. */
import { Button, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { MethodOutput } from '../../../shared/api/contract';

export type BatchResult = MethodOutput<'cases.batchAct'>['results'][number];

const columns: TableColumnsType<BatchResult> = [
  { title: '案件编号', dataIndex: 'caseNo', width: 190, className: 'mono-cell' },
  {
    title: '结果',
    dataIndex: 'ok',
    width: 90,
    render: (ok: boolean) => (ok ? <Tag color="success">成功</Tag> : <Tag color="error">未办理</Tag>),
  },
  { title: '说明', dataIndex: 'message' },
];

export function BatchResultModal({ results, onClose }: { results: BatchResult[] | null; onClose: () => void }) {
  const done = results?.filter((r) => r.ok).length ?? 0;
  const failed = (results?.length ?? 0) - done;
  return (
    <Modal
      open={results !== null}
      title="批量办理结果"
      width={720}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          知道了
        </Button>
      }
    >
      <Typography.Paragraph>
        成功 {done} 件{failed > 0 && <Typography.Text type="danger">，未办理 {failed} 件</Typography.Text>}
      </Typography.Paragraph>
      <Table<BatchResult> rowKey="caseId" size="small" columns={columns} dataSource={results ?? []} pagination={false} scroll={{ y: 400 }} />
    </Modal>
  );
}

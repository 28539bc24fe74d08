/** 导入记录: every committed batch in reach, newest first; a batch can be undone while nothing depends on it. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import type { ImportBatch } from '../../../shared/api/imports.schemas';
import { PROGRAM_SHORT_LABELS } from '../../../shared/domain/programs';
import { LEDGER_EDITORS } from '../../../shared/domain/roles';
import { isApiError } from '../../api/api-error';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { useSignedIn } from '../../session/session-context';
import { PURPOSE_LABELS } from './settings';

function historyColumns(canUndo: (batch: ImportBatch) => boolean, onUndo: (batch: ImportBatch) => Promise<void>): TableColumnsType<ImportBatch> {
  return [
    { title: '时间', dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
    { title: '类型', dataIndex: 'purpose', width: 60, render: (p: ImportBatch['purpose']) => PURPOSE_LABELS[p] },
    { title: '项目', dataIndex: 'program', width: 90, render: (p: ImportBatch['program']) => PROGRAM_SHORT_LABELS[p] },
    { title: '乡镇', dataIndex: 'townshipName', width: 100, render: (name: string | null) => name ?? '—' },
    { title: '文件名', dataIndex: 'fileName', ellipsis: true },
    { title: '户', dataIndex: 'households', width: 50 },
    { title: '人', dataIndex: 'persons', width: 50 },
    { title: '在保记录', dataIndex: 'enrollments', width: 80 },
    { title: '案件', dataIndex: 'cases', width: 50 },
    { title: '跳过', dataIndex: 'skippedRows', width: 50 },
    { title: '操作人', dataIndex: 'createdByName', width: 90 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 140,
      render: (status: ImportBatch['status'], b) =>
        status === 'committed' ? (
          <Tag color="green">已导入</Tag>
        ) : (
          <>
            <Tag>已撤销</Tag>
            <div className="muted">{formatDateTime(b.undoneAt)}</div>
          </>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_: unknown, b) =>
        b.status === 'committed' && canUndo(b) ? (
          <Popconfirm
            title="撤销这一批导入？"
            description="撤销后该批次新建的家庭、人员、在保记录或发起的案件将被删除"
            okText="撤销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => onUndo(b)}
          >
            <Button type="link" size="small" danger>
              撤销
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
}

export function HistoryTab() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const history = useRead('imports.history', {});
  const undo = useWrite('imports.undo');
  // 建账 batches are the administrator's to undo; the server decides in the end.
  const canUndo = (b: ImportBatch) => LEDGER_EDITORS.includes(user.role) && (b.purpose !== 'initial_load' || user.role === 'admin');

  const onUndo = async (b: ImportBatch) => {
    try {
      await undo.mutateAsync({ batchId: b.id });
    } catch (err) {
      // A batch something already builds on stays: the message says what.
      if (isApiError(err, 'CONFLICT')) modal.warning({ title: '不能撤销该批次', content: err.message, okText: '知道了' });
      else reportError(err);
      return;
    }
    // The batch's households, people, enrollments and cases are gone: every read is refreshed.
    await queryClient.invalidateQueries();
    message.success(`已撤销 ${b.fileName} 的导入`);
  };

  return (
    <Table<ImportBatch>
      rowKey="id"
      size="middle"
      columns={historyColumns(canUndo, onUndo)}
      dataSource={history.data ?? []}
      loading={history.isPending || undo.isPending}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '还没有导入记录' }}
    />
  );
}

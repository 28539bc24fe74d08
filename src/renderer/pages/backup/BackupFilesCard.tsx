import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BackupFile } from '../../../shared/api/backup.schemas';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { RestoreModal } from './RestoreModal';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Restorable = { path: string; fileName: string; createdAt: string | null };

/** The backups in the folder, each to check or restore; and any other backup file by its path. */
export function BackupFilesCard({ files, folderProblem }: { files: BackupFile[]; folderProblem: string | null }) {
  const { modal } = App.useApp();
  const check = useWrite('backup.check');
  const [restoring, setRestoring] = useState<Restorable | null>(null);
  const [otherPath, setOtherPath] = useState('');

  const runCheck = async (path: string) => {
    try {
      const r = await check.mutateAsync({ path });
      modal.success({
        title: '备份完好，可以用于恢复',
        content: `${r.countyName} · ${formatDateTime(r.createdAt)}${r.kind === 'scheduled' ? '自动' : '手动'}备份；每个字节已核对，台账可打开、无损坏，审计记录 ${r.auditEntries} 条环环相扣。`,
      });
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <Card title="备份文件" size="small" extra={folderProblem ? <Typography.Text type="danger">{folderProblem}</Typography.Text> : null}>
      <Table<BackupFile>
        rowKey="path"
        size="small"
        dataSource={files}
        pagination={false}
        locale={{ emptyText: folderProblem ? '无法读取备份文件夹' : '备份文件夹中还没有备份' }}
        columns={[
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '备份时间', dataIndex: 'createdAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          { title: '方式', dataIndex: 'kind', width: 70, render: (k: BackupFile['kind']) => (k === 'scheduled' ? '自动' : k === 'manual' ? '手动' : '—') },
          { title: '大小', dataIndex: 'bytes', width: 90, align: 'right', render: megabytes },
          {
            title: '状态',
            key: 'state',
            width: 220,
            render: (_, f) => (f.problem ? <Tag color="error">{f.problem}</Tag> : <Tag color="success">本台账的备份</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_, f) =>
              f.sameLedger ? (
                <Space size={4}>
                  <Button size="small" type="link" loading={check.isPending && check.variables?.path === f.path} onClick={() => void runCheck(f.path)}>
                    校验
                  </Button>
                  <Button size="small" type="link" danger onClick={() => setRestoring(f)}>
                    恢复
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Space.Compact style={{ marginTop: 16, width: '100%', maxWidth: 720 }}>
        <Input placeholder="其他位置的备份文件（完整路径，如 F:\备份\兜底台账备份-….doudibak）" value={otherPath} onChange={(e) => setOtherPath(e.target.value)} aria-label="其他位置的备份文件" />
        <Button disabled={!otherPath.trim()} onClick={() => void runCheck(otherPath.trim())}>
          校验
        </Button>
        <Button danger disabled={!otherPath.trim()} onClick={() => setRestoring({ path: otherPath.trim(), fileName: otherPath.trim().split(/[\\/]/).pop() ?? otherPath, createdAt: null })}>
          恢复
        </Button>
      </Space.Compact>
      <RestoreModal file={restoring} onClose={() => setRestoring(null)} />
    </Card>
  );
}

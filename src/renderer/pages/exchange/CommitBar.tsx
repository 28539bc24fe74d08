/** What committing would do (or why it cannot), the problem list to send back, and the commit itself. */
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space } from 'antd';
import type { ImportPreview, ImportResult } from '../../../shared/api/imports.schemas';
import { settingsOf } from './settings';
import { useFileDelivery } from '../../api/useFileDelivery';
import { useImportCommit } from './useImportCommit';

interface Props {
  preview: ImportPreview;
  /** A new preview is being read: nothing may be committed from the old one. */
  stale: boolean;
  onDone: (result: ImportResult) => void;
  onRunning: (running: boolean) => void;
}

export function CommitBar({ preview, stale, onDone, onRunning }: Props) {
  const { modal } = App.useApp();
  const problems = useFileDelivery('imports.problemsWorkbook', (_rows, where) => `已下载问题清单：${where}`);
  const commit = useImportCommit(onDone);
  const { allowed, reason, summary } = preview.commit;

  const confirm = () =>
    modal.confirm({
      title: preview.purpose === 'initial_load' ? '确认建账导入？' : '确认按核对结果发起案件？',
      content: summary,
      okText: '开始导入',
      cancelText: '取消',
      onOk: () => {
        onRunning(true);
        void commit.run(settingsOf(preview)).finally(() => onRunning(false));
      },
    });

  return (
    <div className="import-commit">
      {allowed ? (
        <Alert type="info" showIcon className="import-alert" title={summary} />
      ) : (
        <Alert type="warning" showIcon className="import-alert" title={reason ?? '暂不能导入'} />
      )}
      {commit.cancelled && <Alert type="info" showIcon closable className="import-alert" title="已取消，台账未作改动" onClose={commit.clearCancelled} />}
      {commit.running ? (
        <div className="import-progress">
          <Progress percent={commit.percent} status="active" />
          <Space>
            <span className="import-progress-text">
              {commit.progress.message ?? '正在导入'}
              {commit.progress.total > 0 ? `：${commit.progress.done} / ${commit.progress.total}` : '…'}
            </span>
            <Button onClick={commit.cancel}>取消</Button>
          </Space>
        </div>
      ) : (
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={problems.busy} disabled={stale || preview.problemCount === 0} onClick={() => void problems.run(settingsOf(preview))}>
            下载问题清单
          </Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={stale || !allowed} title={allowed ? summary : (reason ?? undefined)} onClick={confirm}>
            确认导入
          </Button>
        </Space>
      )}
    </div>
  );
}

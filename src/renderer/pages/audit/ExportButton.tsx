/**
 * 导出: the entries the filter finds, for inspectors, as a workbook. Main verifies the chain first and
 * writes its result and head into the file, so a long log shows progress and can be cancelled. The file
 * arrives like every other export (a download in the browser, the save dialog on the desktop).
 */
import { ExportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Progress } from 'antd';
import type { AuditFilter } from '../../../shared/api/audit.schemas';
import { receiveFile } from '../../api/file-delivery';
import { useJob } from '../../api/useJob';

export function ExportButton({ filter, disabled }: { filter: AuditFilter; disabled: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const job = useJob('audit.export');

  const start = async () => {
    const ended = await job.run(filter);
    if (ended?.kind === 'cancelled') message.info('已取消导出');
    if (ended?.kind !== 'done') return;
    const delivery = ended.data;
    const where = receiveFile(delivery);
    if (where && delivery.kind !== 'cancelled') message.success(`已导出 ${delivery.rows} 条审计记录：${where}`);
    // The export is itself recorded.
    await queryClient.invalidateQueries({ queryKey: ['audit.list'] });
  };

  const { progress } = job;
  return (
    <div className="audit-export">
      {job.running && (
        <>
          <Progress percent={job.percent} size="small" status="active" className="audit-export-progress" />
          <span className="verify-progress-text">{progress.message ? `${progress.message}：${progress.done} / ${progress.total}` : '正在准备…'}</span>
          <Button size="small" onClick={job.cancel}>
            取消
          </Button>
        </>
      )}
      <Button icon={<ExportOutlined />} onClick={() => void start()} loading={job.running} disabled={disabled}>
        导出
      </Button>
    </div>
  );
}

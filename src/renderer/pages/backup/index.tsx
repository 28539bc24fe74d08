import { App, Button, Card, Descriptions, Skeleton } from 'antd';
import { reportError } from '../../api/errors';
import { useRead, useWrite } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { PageTitle } from '../../components/PageTitle';
import { BackupAttention } from './BackupAttention';
import { BackupFilesCard } from './BackupFilesCard';
import { BackupPolicyCard } from './BackupPolicyCard';

/** 备份与恢复: the last backups, backing up now, the folder and schedule, and the files to restore from. */
export function BackupPage() {
  const { message } = App.useApp();
  const status = useRead('backup.status', {});
  const create = useWrite('backup.create', ['backup.status']);

  const backupNow = async () => {
    try {
      const r = await create.mutateAsync({});
      message.success(`已备份并校验：${r.fileName}`);
    } catch (err) {
      reportError(err);
    }
  };

  const s = status.data;
  return (
    <>
      <PageTitle title="备份与恢复" note="台账连同密钥信封一起加密备份；每份备份写完后都会读回校验" />
      {!s ? (
        <Skeleton active />
      ) : (
        <div className="stack">
          {s.attention && <BackupAttention attention={s.attention} />}
          <Card size="small" title="最近一次成功备份">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="时间">{formatDateTime(s.lastGood?.at)}</Descriptions.Item>
              <Descriptions.Item label="文件">{s.lastGood?.fileName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="方式">{s.lastGood ? (s.lastGood.kind === 'scheduled' ? '自动' : '手动') : '—'}</Descriptions.Item>
            </Descriptions>
            <Button type="primary" loading={create.isPending} disabled={!s.policy.folder} onClick={() => void backupNow()}>
              立即备份
            </Button>
            {!s.policy.folder && <span className="muted" style={{ marginLeft: 12 }}>请先在下方填写备份文件夹</span>}
          </Card>
          <BackupPolicyCard policy={s.policy} />
          <BackupFilesCard files={s.files} folderProblem={s.folderProblem} />
        </div>
      )}
    </>
  );
}

/** Tells administrators when the ledger has no recent good backup, or the last one failed. */
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRead } from '../../api/queries';
import { formatDateTime } from '../../app/format';
import { useSignedIn } from '../../session/session-context';

const STALE_DAYS = 7;

export function BackupReminder() {
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const admin = user.role === 'admin';
  const status = useRead('backup.status', {}, { enabled: admin, silent: true });
  const s = status.data;
  if (!admin || !s) return null;
  const age = s.lastGood ? (Date.now() - new Date(s.lastGood.at).getTime()) / 86_400_000 : null;
  const title = s.last && !s.last.ok
    ? `${formatDateTime(s.last.at)}的备份失败：${s.last.error ?? ''}`
    : age === null
      ? '本台账还没有备份。电脑损坏或丢失时，没有备份的台账无法找回。'
      : age > STALE_DAYS
        ? `最近一次成功备份已是 ${Math.floor(age)} 天前（${formatDateTime(s.lastGood!.at)}）`
        : null;
  if (!title) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="workbench-alert"
      title={title}
      action={
        <Button size="small" type="primary" onClick={() => navigate('/admin/backup')}>
          去备份
        </Button>
      }
    />
  );
}

/** Tells administrators when the ledger has no recent good backup, or the last one failed. */
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';
import { BackupAttention } from '../backup/BackupAttention';

export function BackupReminder() {
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const admin = user.role === 'admin';
  const status = useRead('backup.status', {}, { enabled: admin, silent: true });
  const attention = status.data?.attention;
  if (!admin || !attention) return null;
  return (
    <BackupAttention
      attention={attention}
      className="workbench-alert"
      action={
        <Button size="small" type="primary" onClick={() => navigate('/admin/backup')}>
          去备份
        </Button>
      }
    />
  );
}

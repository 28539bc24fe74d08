/** From November on, reminds administrators to enter next year's holiday arrangement if it is missing. */
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';

export function CalendarReminder() {
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const now = new Date();
  const nextYear = now.getFullYear() + 1;
  const due = user.role === 'admin' && now.getMonth() >= 10;
  const calendar = useRead('calendar.year', { year: nextYear }, { enabled: due, silent: true });
  if (!due || !calendar.data || calendar.data.covered) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="workbench-alert"
      title={`明年（${nextYear} 年）的节假日安排尚未录入，审批期限将无法扣除节假日。`}
      action={
        <Button size="small" type="primary" onClick={() => navigate('/admin/calendar')}>
          去录入
        </Button>
      }
    />
  );
}

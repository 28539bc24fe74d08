/**
 * 停发未认证人员 (county clerks and reviewers, after the half-year and its grace days): a confirm naming how
 * many will stop, then a summary of what was stopped and what was left to an open case.
 */
import { StopOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { periodLabel } from '../../../shared/domain/elderly';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { SURVIVAL_WRITES } from './invalidates';

interface Props {
  period: string;
  /** How many would stop county-wide (those whose check found them deceased included). */
  pending: number;
}

export function StopMissingButton({ period, pending }: Props) {
  const { modal } = App.useApp();
  const stop = useWrite('elderly.survival.stopMissing', SURVIVAL_WRITES);
  const label = periodLabel(period);

  const confirm = () =>
    modal.confirm({
      title: `停发${label}未完成生存认证人员的高龄津贴？`,
      content: `全县共 ${pending} 人将停发（含认证结果为死亡的人员）：本月照常发放，下月起停发；认证死亡的发放至死亡当月。有未办结案件的人员将跳过，请在案件中办理。停发记入审计日志。`,
      okText: `停发 ${pending} 人`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const result = await stop.mutateAsync({ period });
          modal.info({
            title: `已停发 ${result.stopped} 人的高龄津贴`,
            content: (
              <div>
                {result.deceased > 0 && <p>其中认证结果为死亡的 {result.deceased} 人，发放至死亡当月。</p>}
                {result.skipped.length > 0 ? (
                  <>
                    <p>以下 {result.skipped.length} 人有未办结的案件，未停发：</p>
                    <ul>
                      {result.skipped.map((s) => (
                        <li key={s.enrollmentId}>{s.message}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>没有跳过的人员。</p>
                )}
              </div>
            ),
            okText: '知道了',
          });
        } catch (err) {
          reportError(err);
        }
      },
    });

  return (
    <Button danger icon={<StopOutlined />} disabled={pending === 0} loading={stop.isPending} onClick={confirm}>
      停发未认证人员{pending > 0 ? `（${pending} 人）` : ''}
    </Button>
  );
}

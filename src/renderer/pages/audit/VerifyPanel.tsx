/**
 * Checks the hash chain of the whole audit log. A long log takes a while, so the check runs as a job:
 * progress shows as it goes and it can be cancelled; leaving the page stops it.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import type { AuditVerifyResult } from '../../../shared/api/contract';
import { useJob } from '../../api/useJob';

type Outcome = { kind: 'done'; result: AuditVerifyResult } | { kind: 'cancelled' };

export function VerifyPanel() {
  const job = useJob('audit.verify');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const start = async () => {
    setOutcome(null);
    const ended = await job.run({});
    if (ended?.kind === 'done') setOutcome({ kind: 'done', result: ended.data });
    else if (ended?.kind === 'cancelled') setOutcome({ kind: 'cancelled' });
  };

  const { progress } = job;
  return (
    <div className="verify-panel">
      <Space wrap>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void start()} loading={job.running}>
          校验审计链
        </Button>
        {job.running && <Button onClick={job.cancel}>取消</Button>}
        {!job.running && !outcome && <span className="verify-hint">逐条核对每条记录与前一条的哈希衔接，删改任何一条都会被发现</span>}
      </Space>
      {job.running && (
        <div className="verify-progress">
          <Progress percent={job.percent} status="active" />
          <span className="verify-progress-text">{progress.total > 0 ? `正在校验：${progress.done} / ${progress.total} 条` : '正在校验…'}</span>
        </div>
      )}
      {outcome?.kind === 'done' && outcome.result.ok && (
        <Alert type="success" showIcon className="verify-result" title={`审计链完整：已校验 ${outcome.result.checked} 条，未发现篡改`} />
      )}
      {outcome?.kind === 'done' && !outcome.result.ok && (
        <Alert
          type="error"
          showIcon
          className="verify-result"
          title={outcome.result.problem ?? '审计记录不完整'}
          description={`已校验 ${outcome.result.checked} 条。${
            outcome.result.brokenAtSeq ? `自第 ${outcome.result.brokenAtSeq} 条起的记录不可信。` : ''
          }请立即报告单位负责人，并保留这台电脑和台账文件以备核查。`}
        />
      )}
      {outcome?.kind === 'cancelled' && <Alert type="info" showIcon className="verify-result" title="已取消校验" />}
    </div>
  );
}

/**
 * Checks the hash chain of the whole audit log. A long log takes a while, so the call carries a job
 * id: progress arrives as events and the job can be cancelled.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Progress, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AuditVerifyResult } from '../../../shared/api/contract';
import { isApiError } from '../../api/api-error';
import { call, newJobId, subscribe } from '../../api/client';
import { reportError } from '../../api/errors';

type Outcome = { kind: 'done'; result: AuditVerifyResult } | { kind: 'cancelled' };

export function VerifyPanel() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const jobIdRef = useRef<string | null>(null);
  const verify = useMutation({ mutationFn: (id: string) => call('audit.verify', {}, { jobId: id }) });

  // Leaving the page while checking stops the check.
  useEffect(
    () => () => {
      if (jobIdRef.current) void call('jobs.cancel', { jobId: jobIdRef.current }).catch(() => undefined);
    },
    [],
  );

  const start = async () => {
    const id = newJobId();
    jobIdRef.current = id;
    setJobId(id);
    setProgress({ done: 0, total: 0 });
    setOutcome(null);
    const off = subscribe((event) => {
      if (event.type === 'progress' && event.jobId === id) setProgress({ done: event.done, total: event.total });
    });
    try {
      const result = await verify.mutateAsync(id);
      setOutcome({ kind: 'done', result });
    } catch (err) {
      if (isApiError(err, 'CANCELLED')) setOutcome({ kind: 'cancelled' });
      else reportError(err);
    } finally {
      off();
      jobIdRef.current = null;
      setJobId(null);
    }
  };

  const cancel = () => {
    if (jobId) call('jobs.cancel', { jobId }).catch((err: unknown) => reportError(err));
  };

  const running = jobId !== null;
  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;

  return (
    <div className="verify-panel">
      <Space wrap>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void start()} loading={running}>
          校验完整性
        </Button>
        {running && <Button onClick={cancel}>取消</Button>}
      </Space>
      {running && (
        <div className="verify-progress">
          <Progress percent={percent} status="active" />
          <span className="verify-progress-text">
            {progress.total > 0 ? `正在校验：${progress.done} / ${progress.total} 条` : '正在校验…'}
          </span>
        </div>
      )}
      {outcome?.kind === 'done' && outcome.result.ok && (
        <Alert type="success" showIcon className="verify-result" title={`审计记录完整：已校验 ${outcome.result.checked} 条，未发现篡改`} />
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

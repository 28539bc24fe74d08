/**
 * 导入花名册: choose what the roster is for and the file, look at what was read (columns, counts, problems,
 * differences with the ledger) and correct how it is read, then commit it as one batch.
 */
import { App, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview, ImportPurpose, ImportResult, ImportSettings } from '../../../shared/api/imports.schemas';
import { isApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { reportError } from '../../api/errors';
import { useWrite } from '../../api/queries';
import { uploadFile } from '../../api/upload';
import { useSignedIn } from '../../session/session-context';
import { ChooseStep } from './ChooseStep';
import { CommitBar } from './CommitBar';
import { DifferencesTable } from './DifferencesTable';
import { ImportResultView } from './ImportResultView';
import { MappingTable } from './MappingTable';
import { PreviewHeader } from './PreviewHeader';
import { PreviewTotals } from './PreviewTotals';
import { ProblemsTable } from './ProblemsTable';
import { settingsOf } from './settings';
import { UnknownRegions } from './UnknownRegions';

type Stage = { step: 'choose' } | { step: 'preview'; preview: ImportPreview } | { step: 'result'; preview: ImportPreview; result: ImportResult };

const STEP_INDEX: Record<Stage['step'], number> = { choose: 0, preview: 1, result: 2 };

/** Errors that are about the session, not the file: the app's handler shows the lock or sign-in. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_LOCKED', 'NETWORK']);

/** Lets the backend drop a file the clerk is done with; it forgets it with the session anyway. */
function discard(uploadId: string) {
  void call('imports.discard', { uploadId }).catch(() => undefined);
}

export function ImportTab({ onShowHistory }: { onShowHistory: () => void }) {
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const isAdmin = user.role === 'admin';
  const fixedTownshipId = user.role === 'township_clerk' ? user.townshipId : null;
  const [purpose, setPurpose] = useState<ImportPurpose>('reconcile');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [reading, setReading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const preview = useWrite('imports.preview');
  const addRegions = useWrite('imports.addRegions', ['regions.townships', 'regions.villages', 'workspace.overview']);

  const chooseFile = async (file: File) => {
    setRefusal(null);
    setReading(true);
    if (stage.step !== 'choose') discard(stage.preview.uploadId);
    let uploadId: string | null = null;
    try {
      uploadId = (await uploadFile(file)).uploadId;
      const answer = await preview.mutateAsync({ uploadId, purpose, townshipId: fixedTownshipId ?? undefined });
      setStage({ step: 'preview', preview: answer });
    } catch (err) {
      if (uploadId) discard(uploadId);
      if (isApiError(err) && !SESSION_CODES.has(err.code)) setRefusal(err.message);
      else reportError(err);
      setStage({ step: 'choose' });
    } finally {
      setReading(false);
    }
  };

  /** Reads the file again with one setting changed; everything else as the preview on screen was read. */
  const reread = async (patch: Partial<ImportSettings>, current: ImportPreview) => {
    const settings: ImportSettings = { ...settingsOf(current), ...patch };
    try {
      setStage({ step: 'preview', preview: await preview.mutateAsync(settings) });
    } catch (err) {
      reportError(err);
    }
  };

  const addMissingRegions = async (current: ImportPreview) => {
    try {
      const added = await addRegions.mutateAsync(settingsOf(current));
      message.success(`已添加 ${added.townships} 个乡镇（街道）、${added.villages} 个村（社区）`);
    } catch (err) {
      reportError(err);
      return;
    }
    await reread({}, current);
  };

  const startOver = () => {
    if (stage.step !== 'choose') discard(stage.preview.uploadId);
    setRefusal(null);
    setStage({ step: 'choose' });
  };

  return (
    <div className="import-tab">
      <Steps
        size="small"
        className="import-steps"
        current={STEP_INDEX[stage.step]}
        items={[{ title: '选择文件' }, { title: '检查与对应' }, { title: '完成' }]}
      />
      {stage.step === 'choose' && (
        <ChooseStep purpose={purpose} onPurpose={setPurpose} canInitialLoad={isAdmin} busy={reading} refusal={refusal} onFile={(file) => void chooseFile(file)} />
      )}
      {stage.step === 'preview' && (
        <Spin spinning={preview.isPending || addRegions.isPending} tip="正在重新读取…">
          <PreviewBody
            preview={stage.preview}
            rereading={preview.isPending || addRegions.isPending}
            committing={committing}
            townshipFixed={fixedTownshipId !== null}
            canAddRegions={isAdmin}
            addingRegions={addRegions.isPending}
            onChange={(patch) => void reread(patch, stage.preview)}
            onAddRegions={() => void addMissingRegions(stage.preview)}
            onDone={(result) => setStage({ step: 'result', preview: stage.preview, result })}
            onRunning={setCommitting}
            onStartOver={startOver}
          />
        </Spin>
      )}
      {stage.step === 'result' && (
        <ImportResultView
          result={stage.result}
          purpose={stage.preview.purpose}
          onHistory={() => {
            startOver();
            onShowHistory();
          }}
          onAgain={startOver}
        />
      )}
    </div>
  );
}

interface BodyProps {
  preview: ImportPreview;
  rereading: boolean;
  committing: boolean;
  townshipFixed: boolean;
  canAddRegions: boolean;
  addingRegions: boolean;
  onChange: (patch: Partial<ImportSettings>) => void;
  onAddRegions: () => void;
  onDone: (result: ImportResult) => void;
  onRunning: (running: boolean) => void;
  onStartOver: () => void;
}

function PreviewBody({ preview, rereading, committing, townshipFixed, canAddRegions, addingRegions, onChange, onAddRegions, onDone, onRunning, onStartOver }: BodyProps) {
  const busy = rereading || committing;
  return (
    <div className="import-preview">
      <PreviewHeader preview={preview} onChange={onChange} townshipFixed={townshipFixed} disabled={busy} />
      <MappingTable columns={preview.columns} onChange={(mapping) => onChange({ mapping })} disabled={busy} />
      <PreviewTotals totals={preview.totals} />
      <UnknownRegions regions={preview.unknownRegions} canAdd={canAddRegions} adding={addingRegions} onAdd={onAddRegions} />
      <section className="import-section" aria-label="问题">
        <Typography.Title level={5}>问题</Typography.Title>
        <ProblemsTable problems={preview.problems} problemCount={preview.problemCount} />
      </section>
      <section className="import-section" aria-label="与台账的差异">
        <Typography.Title level={5}>与台账的差异</Typography.Title>
        <DifferencesTable preview={preview} stale={busy} />
      </section>
      <CommitBar preview={preview} stale={rereading} onDone={onDone} onRunning={onRunning} />
      <Typography.Link className="import-start-over" onClick={busy ? undefined : onStartOver} disabled={busy}>
        重新选择文件
      </Typography.Link>
    </div>
  );
}

import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { HandlerGroup } from '../rpc/context';
import { verifyPassword } from '../auth/auth.service';
import { recordAudit } from '../audit/audit.service';
import { loadSettings } from '../settings/settings.service';
import { createBackup, listBackups, recordBackupFailure } from './backup.service';
import { backupAttention, readBackupState, writeBackupPolicy } from './backup-policy';
import { checkBackup, restoreFromBackup } from './restore.service';

type BackupMethods = 'backup.status' | 'backup.setPolicy' | 'backup.create' | 'backup.check' | 'backup.restore';

export const backupHandlers: HandlerGroup<BackupMethods> = {
  'backup.status': async (_input, ctx) => {
    const state = await readBackupState(ctx.db);
    const { ledgerId } = await loadSettings(ctx.db);
    let files: ReturnType<typeof listBackups> = [];
    let folderProblem: string | null = null;
    if (state.policy.folder) {
      try {
        files = listBackups(state.policy.folder, ledgerId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        folderProblem = err.message;
      }
    }
    return { ...state, files, folderProblem, attention: backupAttention(state.last, state.lastGood, ctx.backend.clock.now()) };
  },
  'backup.setPolicy': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const before = (await readBackupState(trx)).policy;
      await writeBackupPolicy(trx, input);
      await recordAudit(trx, ctx.actor, ctx.backend.clock.now(), { action: 'backup.policy', entity: 'settings', before, after: input });
    });
    return input;
  },
  'backup.create': async (input, ctx) => {
    const folder = input.folder ?? (await readBackupState(ctx.db)).policy.folder;
    if (!folder) throw new AppError('VALIDATION', '请先填写备份位置', { fields: [{ path: ['folder'], message: '请填写备份位置' }] });
    try {
      return await createBackup(ctx.backend, folder, 'manual', ctx.actor, input.fileName);
    } catch (err) {
      if (err instanceof AppError) await recordBackupFailure(ctx.backend, 'manual', err.message);
      throw err;
    }
  },
  'backup.check': async (input, ctx) => {
    const { ledgerId } = await loadSettings(ctx.db);
    const key = Buffer.from(ctx.backend.store.currentKey());
    try {
      const { layout, auditEntries } = await checkBackup(ctx.backend.store, input.path, key, ledgerId);
      const { header } = layout;
      return { fileName: path.basename(input.path), createdAt: header.createdAt, kind: header.kind, countyName: header.countyName, bytes: header.dbBytes, auditEntries };
    } finally {
      key.fill(0);
    }
  },
  'backup.restore': async (input, ctx) => {
    await verifyPassword(ctx.backend, ctx.user, input.password);
    const { ledgerId } = await loadSettings(ctx.db);
    const store = ctx.backend.store;
    const key = Buffer.from(store.currentKey());
    try {
      const result = await restoreFromBackup(store, input.path, key, { expectLedgerId: ledgerId, actor: ctx.actor, at: ctx.backend.clock.now() });
      ctx.sessions.endAll();
      return { restoredFrom: result.restoredFrom, backupCreatedAt: result.backupCreatedAt, previousKeptIn: result.previousKeptIn ?? '' };
    } finally {
      key.fill(0);
    }
  },
};

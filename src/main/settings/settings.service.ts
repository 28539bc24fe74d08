import { AppError } from '../../shared/api/errors';
import type { Executor, LedgerDb } from '../db/schema';
import { recordAudit, type Actor } from '../audit/audit.service';
import { readSettings, writeSetting } from './settings.repository';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export interface LedgerSettings {
  ledgerId: string;
  county: { name: string; code: string };
  idleLockMinutes: number;
}

export async function loadSettings(db: Executor): Promise<LedgerSettings> {
  const s = await readSettings(db);
  if (!s.ledger_id || !s.county_code) throw new AppError('LEDGER_UNREADABLE', '台账缺少县级设置，文件可能不完整');
  return {
    ledgerId: s.ledger_id,
    county: { name: s.county_name ?? '', code: s.county_code },
    idleLockMinutes: Number(s.idle_lock_minutes ?? DEFAULT_IDLE_LOCK_MINUTES),
  };
}

export async function updateSettings(
  db: LedgerDb,
  actor: Actor,
  at: Date,
  input: { countyName: string; idleLockMinutes: number },
): Promise<LedgerSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    await writeSetting(trx, 'county_name', input.countyName);
    await writeSetting(trx, 'idle_lock_minutes', String(input.idleLockMinutes));
    const after = await loadSettings(trx);
    await recordAudit(trx, actor, at, {
      action: 'settings.update',
      entity: 'settings',
      before: { countyName: before.county.name, idleLockMinutes: before.idleLockMinutes },
      after: { countyName: after.county.name, idleLockMinutes: after.idleLockMinutes },
    });
    return after;
  });
}

import { describe, expect, it, vi } from 'vitest';
import type { EngineEnv } from '../cases/case-engine';
import type { LedgerDb } from '../db/schema';
import type { RosterSource } from './analyze/roster-source';
import { commitImport } from './commit';

describe('commitImport', () => {
  it('ends the roster (a reading thread) also when the commit is refused before anything is read', async () => {
    const close = vi.fn();
    const roster: RosterSource = {
      sheetCount: 1,
      head: () => Promise.reject(new Error('not to be read')),
      households: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('not to be read')) }) }),
      close,
    };
    const env = { user: { id: 'U1', role: 'township_clerk' } } as unknown as EngineEnv;
    const options = { fileName: 'x.xlsx', purpose: 'initial_load', scope: { kind: 'township', townshipId: 'T1' }, today: '2026-11-23' } as const;
    const refused = commitImport({} as LedgerDb, { roster, options }, { env, fileName: 'x.xlsx', fileSha256: '', approve: () => undefined });
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(close).toHaveBeenCalled();
  });
});

import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_households';

/** The static, ordered list of migrations. A shipped migration is never edited: add a new one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_households': m0002,
};

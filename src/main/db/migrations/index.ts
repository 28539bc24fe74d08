import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_households';
import * as m0003 from './0003_people_ledger';
import * as m0004 from './0004_work_calendar';
import * as m0005 from './0005_cases';
import * as m0006 from './0006_imports';
import * as m0007 from './0007_report_history';
import * as m0008 from './0008_care';

/** The static, ordered list of migrations. A shipped migration is never edited: add a new one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_households': m0002,
  '0003_people_ledger': m0003,
  '0004_work_calendar': m0004,
  '0005_cases': m0005,
  '0006_imports': m0006,
  '0007_report_history': m0007,
  '0008_care': m0008,
};

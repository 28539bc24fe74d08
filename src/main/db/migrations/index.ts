import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_households';
import * as m0003 from './0003_people_ledger';
import * as m0004 from './0004_work_calendar';
import * as m0005 from './0005_cases';
import * as m0006 from './0006_imports';
import * as m0007 from './0007_report_history';
import * as m0008 from './0008_care';
import * as m0009 from './0009_referrals';
import * as m0010 from './0010_elderly_care';
import * as m0011 from './0011_vagrant_aid';
import * as m0012 from './0012_care_cases';
import * as m0013 from './0013_audit_search';
import * as m0014 from './0014_report_lookups';
import * as m0015 from './0015_import_batch_rows';
import * as m0016 from './0016_lean_indexes';

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
  '0009_referrals': m0009,
  '0010_elderly_care': m0010,
  '0011_vagrant_aid': m0011,
  '0012_care_cases': m0012,
  '0013_audit_search': m0013,
  '0014_report_lookups': m0014,
  '0015_import_batch_rows': m0015,
  '0016_lean_indexes': m0016,
};

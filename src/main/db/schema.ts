import type { Kysely, Transaction } from 'kysely';
import type { SettingsTable } from './tables/settings.table';
import type { TownshipsTable, VillagesTable } from './tables/regions.table';
import type { UsersTable } from './tables/users.table';
import type { AuditHeadTable, AuditLogTable } from './tables/audit.table';
import type { HouseholdsTable, PersonsTable } from './tables/households.table';
import type { EnrollmentMembersTable, EnrollmentsTable, StandardsTable } from './tables/enrollments.table';
import type { CalendarDaysTable } from './tables/calendar.table';
import type { EnrollmentAmountsTable, ReportSnapshotsTable } from './tables/reports.table';
import type { ImportBatchesTable, ImportMappingsTable } from './tables/imports.table';
import type { ChildDirectorsTable, ChildrenTable, ChildVisitsTable } from './tables/care.table';
import type { ElderAssessmentsTable, EldersTable, ElderVisitsTable, SurvivalChecksTable } from './tables/elderly.table';
import type { VagrantRescuesTable } from './tables/vagrant.table';
import type { CareOrganisationsTable, ReferralEventsTable, ReferralsTable } from './tables/referrals.table';
import type { CaseMembersTable, CasesTable, CaseStepsTable, WorkflowDefinitionsTable, WorkflowOverridesTable } from './tables/cases.table';

export interface LedgerSchema {
  settings: SettingsTable;
  townships: TownshipsTable;
  villages: VillagesTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  enrollments: EnrollmentsTable;
  enrollment_members: EnrollmentMembersTable;
  standards: StandardsTable;
  calendar_days: CalendarDaysTable;
  cases: CasesTable;
  case_members: CaseMembersTable;
  case_steps: CaseStepsTable;
  workflow_overrides: WorkflowOverridesTable;
  workflow_definitions: WorkflowDefinitionsTable;
  import_batches: ImportBatchesTable;
  import_mappings: ImportMappingsTable;
  enrollment_amounts: EnrollmentAmountsTable;
  report_snapshots: ReportSnapshotsTable;
  child_directors: ChildDirectorsTable;
  children: ChildrenTable;
  child_visits: ChildVisitsTable;
  survival_checks: SurvivalChecksTable;
  elder_assessments: ElderAssessmentsTable;
  elders: EldersTable;
  elder_visits: ElderVisitsTable;
  vagrant_rescues: VagrantRescuesTable;
  care_organisations: CareOrganisationsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
}

export type LedgerDb = Kysely<LedgerSchema>;
/** Repositories take either the database or a transaction, first argument. */
export type Executor = Kysely<LedgerSchema> | Transaction<LedgerSchema>;

import { auditHandlers } from '../audit/audit.handlers';
import { backupHandlers } from '../backup/backup.handlers';
import { authHandlers, setupHandlers } from '../auth/auth.handlers';
import { regionsHandlers } from '../regions/regions.handlers';
import { settingsHandlers } from '../settings/settings.handlers';
import { usersHandlers } from '../users/users.handlers';
import { workspaceHandlers } from '../workspace/workspace.handlers';
import { householdsHandlers } from '../households/households.handlers';
import { ledgerHandlers } from '../ledger/ledger.handlers';
import { calendarHandlers } from '../calendar/calendar.handlers';
import { printHandlers } from '../print/print.handlers';
import { casesHandlers } from '../cases/cases.handlers';
import { workflowsHandlers } from '../workflows/workflows.handlers';
import { importsHandlers } from '../imports/imports.handlers';
import { reportsHandlers } from '../reports/reports.handlers';
import { careHandlers } from '../care/care.handlers';
import { elderlyHandlers } from '../elderly/elderly.handlers';
import { vagrantHandlers } from '../vagrant/vagrant.handlers';
import { referralsHandlers } from '../referrals/referrals.handlers';
import type { Handlers } from './context';

/** All handlers; leaving out a contract method fails to compile. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...regionsHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...workspaceHandlers,
  ...householdsHandlers,
  ...ledgerHandlers,
  ...calendarHandlers,
  ...printHandlers,
  ...casesHandlers,
  ...workflowsHandlers,
  ...importsHandlers,
  ...reportsHandlers,
  ...careHandlers,
  ...elderlyHandlers,
  ...vagrantHandlers,
  ...referralsHandlers,
};

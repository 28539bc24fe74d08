/**
 * What can be reached depends on the ledger and the session: no ledger -> the setup wizard; nobody
 * signed in -> sign-in and recovery; a password that must change -> only that form; else the workstation.
 */
import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminOnly } from '../components/AdminOnly';
import { LedgerEditorsOnly } from '../components/LedgerEditorsOnly';
import { NotFound } from '../components/ResultPages';
import { ChangePasswordPage, ForcedPasswordPage } from '../pages/account';
import { ApprovalsPage } from '../pages/approvals';
import { AuditPage } from '../pages/audit';
import { BackupPage } from '../pages/backup';
import { CalendarPage } from '../pages/calendar';
import { CarePage } from '../pages/care';
import { CasePage } from '../pages/case';
import { ElderlyPage } from '../pages/elderly';
import { ExchangePage } from '../pages/exchange';
import { HouseholdPage } from '../pages/household';
import { IntakePage } from '../pages/intake';
import { LedgerPage } from '../pages/ledger';
import { MainLayout } from '../pages/layout';
import { LoginPage } from '../pages/login';
import { ApprovalFormPrint } from '../pages/print/ApprovalFormPrint';
import { NoticeListPrint } from '../pages/print/NoticeListPrint';
import { RejectionNoticePrint } from '../pages/print/RejectionNoticePrint';
import { ReportPrint } from '../pages/print/ReportPrint';
import { TerminationNoticePrint } from '../pages/print/TerminationNoticePrint';
import { RecoverPage } from '../pages/recover';
import { ReferralsPage } from '../pages/referrals';
import { RegionsPage } from '../pages/regions';
import { ReportsPage } from '../pages/reports';
import { SettingsPage } from '../pages/settings';
import { SetupPage } from '../pages/setup';
import { StandardsPage } from '../pages/standards';
import { UsersPage } from '../pages/users';
import { VagrantPage } from '../pages/vagrant';
import { WorkbenchPage } from '../pages/workbench';
import { WorkflowsPage } from '../pages/workflows';
import { useSession } from '../session/session-context';
import { SignedInShell } from '../session/SignedInShell';

export function AppRoutes() {
  const { initialized, session } = useSession();

  if (!initialized) {
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );
  }

  if (!session) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/recover" element={<RecoverPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }

  if (session.user.mustChangePassword) {
    return (
      <SignedInShell>
        {/* At whatever address the clerk is, so the address is already right once the session says the password
            changed: a redirect to /account/password raced the form's own navigation home and could win. */}
        <Routes>
          <Route path="*" element={<ForcedPasswordPage />} />
        </Routes>
      </SignedInShell>
    );
  }

  return (
    <SignedInShell>
      <Routes>
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="/setup" element={<Navigate to="/" replace />} />
        <Route path="/recover" element={<Navigate to="/" replace />} />
        {/* Print views: outside the main layout, so no menu is printed. */}
        <Route path="print/cases/:id/approval-form" element={<ApprovalFormPrint />} />
        <Route path="print/cases/:id/rejection-notice" element={<RejectionNoticePrint />} />
        <Route path="print/cases/:id/termination-notice" element={<TerminationNoticePrint />} />
        <Route path="print/notice-list" element={<NoticeListPrint />} />
        <Route path="print/report" element={<ReportPrint />} />
        <Route element={<MainLayout />}>
          <Route index element={<WorkbenchPage />} />
          <Route path="ledger" element={<LedgerPage />} />
          <Route path="ledger/new" element={<LedgerEditorsOnly />}>
            <Route index element={<IntakePage />} />
          </Route>
          <Route path="ledger/households/:id" element={<HouseholdPage />} />
          <Route path="care" element={<CarePage />} />
          <Route path="elderly" element={<ElderlyPage />} />
          <Route path="vagrant" element={<VagrantPage />} />
          <Route path="referrals" element={<ReferralsPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="approvals/:id" element={<CasePage />} />
          <Route path="exchange" element={<ExchangePage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="regions" element={<RegionsPage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="admin" element={<AdminOnly />}>
            <Route index element={<Navigate to="/admin/users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="backup" element={<BackupPage />} />
            <Route path="standards" element={<StandardsPage />} />
            <Route path="calendar" element={<CalendarPage />} />
            <Route path="workflows" element={<WorkflowsPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SignedInShell>
  );
}

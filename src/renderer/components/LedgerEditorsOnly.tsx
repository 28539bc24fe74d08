import { Outlet } from 'react-router-dom';
import { LEDGER_EDITORS } from '../../shared/domain/roles';
import { useSignedIn } from '../session/session-context';
import { Forbidden } from './ResultPages';

/** Registering and editing households is for the ledger's editors; managers look only. */
export function LedgerEditorsOnly() {
  const { user } = useSignedIn();
  return LEDGER_EDITORS.includes(user.role) ? <Outlet /> : <Forbidden subTitle="分管领导只能查看台账，登记和修改由经办员办理。" />;
}

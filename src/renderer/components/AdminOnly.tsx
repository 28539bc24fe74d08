import { Outlet } from 'react-router-dom';
import { useSignedIn } from '../session/session-context';
import { Forbidden } from './ResultPages';

/** System administration is for administrators; the server refuses others anyway, this just says so early. */
export function AdminOnly() {
  const { user } = useSignedIn();
  return user.role === 'admin' ? <Outlet /> : <Forbidden />;
}

/** The township a form was narrowed to, by name: a clerk's own, or the one a county user chose; null for the county. */
import { useRead } from '../../api/queries';
import { useSignedIn } from '../../session/session-context';

export function useTownshipName(townshipId: string | undefined): string | null {
  const { user } = useSignedIn();
  const clerk = user.role === 'township_clerk';
  const townships = useRead('regions.townships', {}, { enabled: !clerk && Boolean(townshipId), silent: true });
  if (clerk) return user.townshipName;
  if (!townshipId) return null;
  return townships.data?.find((t) => t.id === townshipId)?.name ?? null;
}

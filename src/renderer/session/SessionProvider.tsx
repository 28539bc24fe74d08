/**
 * Who is signed in. Reads setup.status, then auth.session, and keeps the answer in the query cache so
 * sign-in, sign-out and unlocking simply replace it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../shared/api/contract';
import { isApiError } from '../api/api-error';
import { call, disconnectEvents } from '../api/client';
import { reportError } from '../api/errors';
import { FullPageSpin } from '../components/FullPageSpin';
import { StartupError } from '../components/StartupError';
import { SessionContext, type SessionState } from './session-context';

const SETUP_KEY = ['setup.status', {}] as const;
const SESSION_KEY = ['auth.session', {}] as const;
const KEPT_ON_SIGN_OUT = new Set(['setup.status', 'auth.session']);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const setup = useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => call('setup.status', {}),
    staleTime: Infinity,
    meta: { silent: true },
  });
  const initialized = setup.data?.initialized === true;
  const auth = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => call('auth.session', {}),
    enabled: initialized,
    staleTime: Infinity,
    meta: { silent: true },
  });
  const session = auth.data?.session ?? null;
  const [locked, setLocked] = useState(false);

  // A session that was locked before a reload stays locked.
  useEffect(() => {
    if (session?.locked) setLocked(true);
  }, [session?.locked]);

  const putSession = useCallback(
    (info: SessionInfo | null) => queryClient.setQueryData(SESSION_KEY, { session: info }),
    [queryClient],
  );

  const dropSession = useCallback(() => {
    disconnectEvents();
    setLocked(false);
    queryClient.removeQueries({ predicate: (q) => !KEPT_ON_SIGN_OUT.has(String(q.queryKey[0])) });
    putSession(null);
    void queryClient.invalidateQueries({ queryKey: SETUP_KEY });
  }, [queryClient, putSession]);

  const markLocked = useCallback(() => setLocked(true), []);

  const lockNow = useCallback(() => {
    setLocked(true);
    call('auth.lock', {}).catch((err: unknown) => {
      if (isApiError(err, 'UNAUTHENTICATED')) reportError(err);
    });
  }, []);

  const state = useMemo<SessionState>(
    () => ({
      initialized,
      knownCountyName: setup.data?.county?.name ?? null,
      session,
      locked,
      signedIn: (info) => {
        setLocked(info.locked);
        putSession(info);
      },
      signOut: async () => {
        try {
          await call('auth.logout', {});
        } catch {
          // Signing out locally is what matters; the server forgets idle sessions on its own.
        }
        dropSession();
      },
      dropSession,
      lockNow,
      markLocked,
      unlocked: (info) => {
        putSession({ ...info, locked: false });
        setLocked(false);
      },
      refreshSession: async () => {
        const fresh = await call('auth.session', {});
        putSession(fresh.session);
        return fresh.session;
      },
      refreshSetupStatus: async () => {
        await queryClient.refetchQueries({ queryKey: SETUP_KEY });
      },
    }),
    [initialized, setup.data, session, locked, putSession, dropSession, lockNow, markLocked, queryClient],
  );

  if (setup.isPending && !setup.isError) return <FullPageSpin />;
  if (initialized && auth.isPending && !auth.isError) return <FullPageSpin />;
  // Only a failure before the first answer blocks the app; a failed refresh keeps what we know.
  const startupError = setup.data === undefined ? setup.error : initialized && auth.data === undefined ? auth.error : null;
  if (startupError) {
    const key = setup.data === undefined ? SETUP_KEY : SESSION_KEY;
    return <StartupError error={startupError} onRetry={() => void queryClient.refetchQueries({ queryKey: key })} />;
  }
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

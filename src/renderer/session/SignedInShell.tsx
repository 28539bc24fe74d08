/**
 * Everything a signed-in user sees, with what comes with being signed in: the idle lock, the server
 * event stream, and the lock screen laid over the page (which stays as it was underneath).
 */
import { useEffect, type ReactNode } from 'react';
import { connectEvents, disconnectEvents, subscribe } from '../api/client';
import { LockScreen } from '../pages/lock';
import { useSession, useSignedIn } from './session-context';
import { useIdleLock } from './useIdleLock';

export function SignedInShell({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { locked, lockNow, markLocked, dropSession } = useSession();
  useIdleLock(session.idleLockMinutes, locked, lockNow);

  useEffect(() => {
    connectEvents();
    const off = subscribe((event) => {
      if (event.type !== 'session') return;
      if (event.state === 'locked') markLocked();
      else dropSession();
    });
    return () => {
      off();
      disconnectEvents();
    };
  }, [markLocked, dropSession]);

  return (
    <>
      <div className="signed-in-shell" inert={locked} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked && <LockScreen />}
    </>
  );
}

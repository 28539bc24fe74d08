import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../shared/api/contract';

export interface SessionState {
  /** Whether a ledger exists; false sends everything to the setup wizard. */
  initialized: boolean;
  /** County from setup.status: known only while the ledger is open. */
  knownCountyName: string | null;
  session: SessionInfo | null;
  locked: boolean;
  signedIn(info: SessionInfo): void;
  /** Signs out on the server, then forgets the session here. */
  signOut(): Promise<void>;
  /** Forgets the session here only (the server already has: expired or signed out elsewhere). */
  dropSession(): void;
  /** Locks now: shows the lock screen and tells the server. */
  lockNow(): void;
  /** The server reports the session locked: show the lock screen. */
  markLocked(): void;
  unlocked(info: SessionInfo): void;
  refreshSession(): Promise<SessionInfo | null>;
  /** After the setup wizard: reads setup.status again. */
  refreshSetupStatus(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session; only for components rendered behind the sign-in guard. */
export function useSignedIn(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

/**
 * Locks the screen after `minutes` without keyboard, mouse or touch, and keeps the server session alive
 * with at most one heartbeat a minute while someone is working. Time is read from Date.now() and waited
 * for with setTimeout, so a test clock that jumps forward triggers the lock.
 */
import { useEffect, useRef } from 'react';
import { isApiError } from '../api/api-error';
import { call } from '../api/client';
import { reportError } from '../api/errors';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'touchmove'] as const;
const HEARTBEAT_EVERY_MS = 60_000;

export function useIdleLock(minutes: number, locked: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (locked || !(minutes > 0)) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let lastHeartbeat = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const heartbeat = () => {
      call('auth.heartbeat', {}).catch((err: unknown) => {
        // Only a changed session matters here; a missed heartbeat is simply sent again later.
        if (isApiError(err, 'SESSION_LOCKED') || isApiError(err, 'UNAUTHENTICATED')) reportError(err);
      });
    };

    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
        lastHeartbeat = lastActivity;
        heartbeat();
      }
    };

    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= limit) {
        onIdleRef.current();
        return;
      }
      timer = setTimeout(check, Math.min(limit - idle, 60_000));
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    timer = setTimeout(check, Math.min(limit, 60_000));
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, locked]);
}

import { App } from 'antd';
import { useEffect } from 'react';
import { bindErrorSink } from '../api/errors';
import { useSession } from './session-context';

/** Gives the global error handler antd's themed message/notification and the session's reactions. */
export function ErrorSinkBinder() {
  const { message, notification } = App.useApp();
  const { dropSession, markLocked, session } = useSession();
  const signedIn = session !== null;
  useEffect(() => {
    bindErrorSink({
      message,
      notification,
      onUnauthenticated: dropSession,
      onLocked: () => {
        if (signedIn) markLocked();
      },
    });
    return () => bindErrorSink(null);
  }, [message, notification, dropSession, markLocked, signedIn]);
  return null;
}

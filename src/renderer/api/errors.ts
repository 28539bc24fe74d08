/**
 * The one error handler of the renderer. Field problems go onto the form, conflicts become a warning,
 * internal faults a notification that keeps the reference number, a lost session returns to sign-in
 * and a locked one shows the lock screen.
 */
import { message as staticMessage, notification as staticNotification, type App, type FormInstance } from 'antd';
import { ERROR_LABELS } from '../../shared/labels';
import { ApiError } from './api-error';

/** What the handler needs from the running app; bound once by <ErrorSinkBinder/> inside antd's <App>. */
type AppApi = ReturnType<typeof App.useApp>;

export interface ErrorSink {
  message: AppApi['message'];
  notification: AppApi['notification'];
  onUnauthenticated(): void;
  onLocked(): void;
}

let sink: ErrorSink | null = null;

export function bindErrorSink(next: ErrorSink | null): void {
  sink = next;
}

const FIELD_CODES = new Set(['VALIDATION', 'WEAK_PASSWORD', 'WRONG_CREDENTIALS', 'CONFLICT']);

/** Puts field issues onto the form fields it has; returns the names of the fields it marked. */
function markFields(err: ApiError, form: FormInstance): string[] {
  const issues = err.details.fields ?? [];
  if (issues.length === 0) return [];
  const present = form.getFieldsValue();
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.path[0];
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(present, name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return [...byField.keys()];
}

/**
 * Shows an error the way its code asks for. With a form, field issues land on the matching fields.
 * Returns the field names that were marked, so a multi-step form can go back to the step holding them.
 */
export function reportError(err: unknown, form?: FormInstance): string[] {
  const message = sink?.message ?? staticMessage;
  const notification = sink?.notification ?? staticNotification;
  if (!(err instanceof ApiError)) {
    const text = err instanceof Error && /[\u4e00-\u9fa5]/.test(err.message) ? err.message : ERROR_LABELS.INTERNAL;
    notification.error({ title: '操作未完成', description: text });
    return [];
  }
  const text = err.message || (err.code === 'NETWORK' ? '无法连接到兜底服务' : ERROR_LABELS[err.code]);
  if (form && FIELD_CODES.has(err.code)) {
    const marked = markFields(err, form);
    if (marked.length > 0) return marked;
  }
  switch (err.code) {
    case 'CONFLICT':
      message.warning(text);
      break;
    case 'UNAUTHENTICATED':
      message.info(text);
      sink?.onUnauthenticated();
      break;
    case 'SESSION_LOCKED':
      sink?.onLocked();
      break;
    case 'INTERNAL':
      notification.error({ title: '系统内部错误', description: text, duration: 0 });
      break;
    default:
      message.error(text);
  }
  return [];
}

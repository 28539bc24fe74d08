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

export type NamePath = (string | number)[];

/** Whether the form has a field at `path` (a nested path like ['members', 2, 'idNumber'] too). */
function hasField(values: unknown, path: NamePath): boolean {
  let node = values;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return path.length > 0;
}

/**
 * Puts field issues onto the form fields it has, following the whole path (a cell of a list, or the
 * list itself); returns the top-level names of the fields it marked.
 */
function markFields(err: ApiError, form: FormInstance): string[] {
  const issues = err.details.fields ?? [];
  if (issues.length === 0) return [];
  const present: unknown = form.getFieldsValue();
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of issues) {
    if (!hasField(present, issue.path)) continue;
    const key = JSON.stringify(issue.path);
    const entry = byField.get(key) ?? { name: issue.path, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return [...new Set([...byField.values()].map((f) => String(f.name[0])))];
}

/** The same error with its field paths rewritten, for a form whose fields sit elsewhere than the input's. */
export function withFieldPaths(err: unknown, map: (path: NamePath) => NamePath): unknown {
  if (!(err instanceof ApiError) || !err.details.fields) return err;
  return new ApiError(err.code, err.message, { ...err.details, fields: err.details.fields.map((f) => ({ ...f, path: map(f.path) })) });
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

/**
 * The one router behind both transports: validate input -> check access and township scope -> run the
 * handler -> validate output -> shape errors. Nothing but stable codes and Chinese messages crosses the
 * wire: no stacks, no SQL.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import { contract, isMethodName, type Access, type CallOptions, type MethodName } from '../../shared/api/contract';
import { AppError, type WireError, type WireResult } from '../../shared/api/errors';
import { ROLE_LABELS } from '../../shared/labels';
import { scopeOf } from '../../shared/domain/roles';
import type { Backend } from '../app/backend';
import type { Handlers, PublicContext, UserContext } from './context';
import { lockWhenIdle, type Session, type Sessions } from './sessions';
import { findUserById } from '../users/users.repository';
import { toSessionUser } from '../users/users.service';

/** While a password must be changed, only these methods are open. */
const OPEN_WHILE_PASSWORD_CHANGE_DUE: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.session',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.heartbeat',
  'auth.changePassword',
  'settings.get',
]);

export interface Router {
  call(session: Session, method: string, input: unknown, options?: CallOptions): Promise<WireResult<unknown>>;
}

function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** What the clerk is told alongside a fault: nothing was half-done. */
const NOT_CHANGED = '本次操作未完成，台账未作改动';

/** Driver and file errors that a clerk can act on get their own message; everything else is INTERNAL. */
function knownFault(err: unknown): AppError | null {
  const raw = (err as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  if (code === 'SQLITE_FULL') return new AppError('INTERNAL', `台账所在磁盘已满，${NOT_CHANGED}。请清理该磁盘（删除不用的文件，或把旧备份移到别处）后重试`);
  if (code === 'ENOSPC') return new AppError('INTERNAL', `磁盘空间不足，${NOT_CHANGED}。请清理磁盘后重试`);
  // SQLite reports extended codes (SQLITE_READONLY_DBMOVED …); a write refused under an open ledger (a USB
  // disk write-protected or pulled out, a disk remounted read-only) comes as SQLITE_IOERR_WRITE.
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_IOERR_WRITE') {
    return new AppError('INTERNAL', `台账文件无法写入（所在磁盘或文件夹为只读，或 U 盘已写保护、已拔出），${NOT_CHANGED}。请检查存放台账的磁盘后重试；仍不行请联系系统管理员`);
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('INTERNAL', `文件夹不可写（磁盘为只读或没有写入权限），${NOT_CHANGED}。请检查文件夹后重试`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('CONFLICT', `台账正被另一个程序使用，${NOT_CHANGED}。请稍后重试`);
  return null;
}

export function createRouter(backend: Backend, sessions: Sessions, handlers: Handlers): Router {
  function checkAccess(session: Session, method: MethodName, access: Access): void {
    if (access.kind === 'public') return;
    const user = session.user;
    if (!user || !backend.store.isOpen()) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    lockWhenIdle(session, backend.clock.now().getTime());
    if (session.locked && !access.whileLocked) throw new AppError('SESSION_LOCKED', '屏幕已锁定，请输入密码解锁');
    if (user.mustChangePassword && !OPEN_WHILE_PASSWORD_CHANGE_DUE.has(method)) {
      throw new AppError('FORBIDDEN', '请先修改初始密码');
    }
    if (access.roles !== 'any' && !access.roles.includes(user.role)) {
      throw new AppError('FORBIDDEN', `您的角色（${ROLE_LABELS[user.role]}）无权执行此操作`);
    }
  }

  /**
   * Role, township and status are read again on every call, so an administrator's change (a new role, a
   * disabled account, a reset password) applies to sessions already signed in.
   */
  async function refreshUser(session: Session): Promise<void> {
    if (!session.user || !backend.store.isOpen()) return;
    const row = await findUserById(backend.store.db, session.user.id);
    if (!row || row.active !== 1) {
      sessions.destroy(session);
      throw new AppError('UNAUTHENTICATED', '该账户已停用或已删除，请联系系统管理员');
    }
    session.user = toSessionUser(row);
  }

  function checkTownship(session: Session, access: Access, input: unknown): void {
    if (access.kind !== 'user' || !access.townshipField || !session.user) return;
    const scope = scopeOf(session.user.role, session.user.townshipId);
    const requested = (input as Record<string, unknown>)[access.townshipField];
    if (scope.kind === 'township' && requested !== undefined && requested !== scope.townshipId) {
      throw new AppError('FORBIDDEN', '只能查看和办理本乡镇（街道）的业务');
    }
  }

  function toWireError(err: unknown, method: string): WireError {
    if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    const known = knownFault(err);
    if (known) return { code: known.code, message: known.message };
    const reference = crypto.randomBytes(4).toString('hex').toUpperCase();
    backend.log.error('rpc.internal', err, { method, reference });
    return { code: 'INTERNAL', message: `系统内部错误（参考编号 ${reference}），请联系管理员`, details: { reference } };
  }

  return {
    async call(session, method, rawInput, options = {}) {
      if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `系统不支持该操作：${method}` } };
      const def = contract[method];
      const jobId = options.jobId;
      const controller = new AbortController();
      try {
        await refreshUser(session);
        checkAccess(session, method, def.access);
        const parsed = def.input.safeParse(rawInput ?? {});
        if (!parsed.success) {
          const fields = zodIssues(parsed.error);
          throw new AppError('VALIDATION', fields[0]?.message ?? '填写的内容有误', { fields });
        }
        checkTownship(session, def.access, parsed.data);
        if (jobId) session.jobs.set(jobId, controller);
        const base: PublicContext = {
          backend,
          session,
          sessions,
          signal: controller.signal,
          progress: (done, total, message) => {
            if (jobId) sessions.emit(session, { type: 'progress', jobId, done, total, ...(message ? { message } : {}) });
          },
        };
        let ctx: PublicContext | UserContext = base;
        if (def.access.kind === 'user' && session.user) {
          const user = session.user;
          session.lastActivityAt = backend.clock.now().getTime();
          ctx = {
            ...base,
            user,
            actor: { userId: user.id, username: user.username },
            scope: scopeOf(user.role, user.townshipId),
            db: backend.store.db,
          } satisfies UserContext;
        }
        const handler = handlers[method] as (input: unknown, ctx: PublicContext | UserContext) => Promise<unknown>;
        const result = await handler(parsed.data, ctx);
        const output = def.output.safeParse(result);
        if (!output.success) throw new Error(`output of ${method} does not match the contract`);
        return { ok: true, data: output.data };
      } catch (err) {
        if (controller.signal.aborted) return { ok: false, error: { code: 'CANCELLED', message: '操作已取消，台账未作改动' } };
        return { ok: false, error: toWireError(err, method) };
      } finally {
        if (jobId) session.jobs.delete(jobId);
      }
    },
  };
}

/**
 * The renderer's only way to the backend. In the desktop app the preload bridge carries calls over IPC;
 * in a browser the same calls go over HTTP to the local server. Both answer with a WireResult.
 */
import type { CallOptions, MethodInput, MethodName, MethodOutput, ServerEvent } from '../../shared/api/contract';
import { isWireError, type WireResult } from '../../shared/api/errors';
import { ApiError } from './api-error';

async function overHttp(method: string, input: unknown, options?: CallOptions): Promise<WireResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ input, jobId: options?.jobId }),
    });
  } catch {
    throw new ApiError('NETWORK', '无法连接到兜底服务，请确认程序仍在运行后重试');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('INTERNAL', `服务返回了无法识别的应答（HTTP ${response.status}），请联系管理员`);
  }
  return body as WireResult<unknown>;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>> {
  const bridge = window.doudi;
  const result = bridge ? await bridge.invoke(method, input, options) : await overHttp(method, input, options);
  if (result && result.ok === true) return result.data as MethodOutput<M>;
  if (result && result.ok === false && isWireError(result.error)) throw ApiError.fromWire(result.error);
  throw new ApiError('INTERNAL', '服务返回了无法识别的应答，请联系管理员');
}

// ---- Server events (progress of long work, session state) ----

type Listener = (event: ServerEvent) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let bridgeOff: (() => void) | null = null;
let wanted = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function dispatch(event: ServerEvent): void {
  listeners.forEach((listener) => listener(event));
}

function openSource(): void {
  const es = new EventSource('/api/events');
  source = es;
  es.onmessage = (message: MessageEvent<string>) => {
    try {
      dispatch(JSON.parse(message.data) as ServerEvent);
    } catch {
      // A malformed event is dropped; the stream itself stays usable.
    }
  };
  es.onerror = () => {
    // The browser retries on its own while the stream is CONNECTING; a refused stream (401) is CLOSED
    // for good, so try again later, quietly, as long as someone is signed in.
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = null;
    if (wanted && retryTimer === null) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (wanted && !source) openSource();
      }, 5000);
    }
  };
}

/** Starts receiving server events; called once signed in (the stream needs the session cookie). */
export function connectEvents(): void {
  wanted = true;
  const bridge = window.doudi;
  if (bridge) {
    bridgeOff ??= bridge.on(dispatch);
    return;
  }
  if (!source) openSource();
}

/** Stops the event stream; called on sign-out. */
export function disconnectEvents(): void {
  wanted = false;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  bridgeOff?.();
  bridgeOff = null;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A job id for a cancellable call; randomUUID needs a secure context, which an office LAN address is not. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

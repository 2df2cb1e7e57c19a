// The typed API client (openapi-fetch over the generated schema), with the session's CSRF token
// on every write and every error turned into an ApiFailure carrying the API's stable code.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ApiError'];

let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody>,
  ) {
    super(Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? `HTTP ${status}`));
  }
  get code(): string {
    return this.body.code ?? (this.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
  }
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use({
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
});

/** The data of an openapi-fetch answer, or an ApiFailure. */
export async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const r = await p;
  if (!r.response.ok) throw new ApiFailure(r.response.status, (r.error ?? {}) as Partial<ErrorBody>);
  return r.data as T;
}

/** A step of the case (the actions are one route; each action's body is typed in the schema). */
export async function takeAction(id: string, action: string, body: unknown, idempotencyKey: string): Promise<unknown> {
  const res = await fetch(`/api/applications/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey, ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    body: JSON.stringify(body),
  });
  const json = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFailure(res.status, (json ?? {}) as Partial<ErrorBody>);
  return json;
}

export const newKey = () =>
  typeof globalThis.crypto?.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

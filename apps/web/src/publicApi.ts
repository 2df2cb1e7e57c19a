// Plain JSON reads over fetch (the public routes without a session; a few staff reads whose answer
// the OpenAPI document does not describe), errors as ApiFailure with their code.
import { ApiFailure, type ErrorBody } from './api/client';

export async function publicJson<T>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; credentials?: RequestCredentials } = {},
): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: init.credentials ?? 'omit',
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFailure(res.status, (json ?? {}) as Partial<ErrorBody>);
  return json as T;
}

const leadingZeroBits = (b: Uint8Array) => {
  let n = 0;
  for (const byte of b) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
};

/** The submission's challenge (GET /api/public/challenge), solved in the browser when the office requires one. */
export async function solveChallenge(): Promise<Record<string, string>> {
  const c = await publicJson<{ token: string; bits: number; required: boolean }>('/api/public/challenge');
  if (!c.required) return {};
  const enc = new TextEncoder();
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`${c.token}:${nonce}`)));
    if (leadingZeroBits(digest) >= c.bits) return { 'X-Challenge': c.token, 'X-Challenge-Solution': nonce };
  }
}

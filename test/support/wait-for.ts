/**
 * Polls until `probe` returns a value accepted by `done`, for outcomes that arrive
 * asynchronously over the real servers (a signal handled, a projection written).
 * Returns the last value, so the caller's assertion shows what was there instead.
 */
export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

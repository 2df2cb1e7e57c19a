import { ApiError } from '../common/api-error';

/**
 * Slows password guessing: after `maxFailures` failed logins for one username from
 * one address within `windowMs`, further attempts get 429 until the window ends.
 * Kept in memory per API process (a restart forgets it), which is enough against
 * online guessing through one API; a shared store is needed behind a load balancer.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  check(username: string, address: string): void {
    const list = this.recent(`${username}|${address}`);
    if (list.length >= this.maxFailures) {
      const retryAfter = Math.ceil((list[0] + this.windowMs - this.now()) / 1000);
      throw new ApiError(429, 'LOGIN_THROTTLED', `too many failed logins for ${username}; try again in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  fail(username: string, address: string): void {
    const key = `${username}|${address}`;
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(username: string, address: string): void {
    this.failures.delete(`${username}|${address}`);
  }
}

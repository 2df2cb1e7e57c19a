import type { QueryRunner } from 'typeorm';
import { isConnectionLost, releaseRunner } from './connection-lost';

describe('isConnectionLost', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    [undefined, 'Connection terminated unexpectedly'],
  ])('a lost connection: %s %s', (code, message) => {
    expect(isConnectionLost({ code, message })).toBe(true);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['40001', 'could not serialize access'],
    [undefined, 'relation "x" does not exist'],
  ])('a refused statement is not: %s %s', (code, message) => {
    expect(isConnectionLost({ code, message })).toBe(false);
  });
});

describe('releaseRunner', () => {
  const runner = () => {
    const calls: string[] = [];
    const r = {
      release: async () => void calls.push('release'),
      releasePostgresConnection: async (err?: Error) => void calls.push(`with ${err?.message}`),
    };
    return { calls, r: r as unknown as QueryRunner };
  };

  it('hands a lost connection back with its error, so the pool closes it', async () => {
    const { calls, r } = runner();
    await releaseRunner(r, new Error('Connection terminated unexpectedly'));
    expect(calls).toEqual(['with Connection terminated unexpectedly']);
  });

  it('releases a healthy connection plainly', async () => {
    const { calls, r } = runner();
    await releaseRunner(r);
    expect(calls).toEqual(['release']);
  });
});

import { transientDependency } from './unavailable';

describe('transientDependency', () => {
  it('recognises a database that is down or restarting', () => {
    expect(transientDependency(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('database');
    expect(transientDependency(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe('database');
    expect(transientDependency(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe('database');
    expect(transientDependency(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(transientDependency(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe('database');
  });

  it('recognises Temporal that is unreachable', () => {
    expect(transientDependency(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { name: 'ServiceError' }))).toBe(
      'workflow service',
    );
    expect(transientDependency(Object.assign(new Error('deadline'), { code: 4, details: 'Deadline exceeded', metadata: {} }))).toBe(
      'workflow service',
    );
  });

  it('leaves real faults alone: constraint violations, bugs', () => {
    expect(transientDependency(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBeUndefined();
    expect(transientDependency(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(transientDependency(undefined)).toBeUndefined();
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODE_LIST, ERROR_CODES } from '../../../libs/contracts/error-codes';
import { defaultCode, fieldOf } from './error-filter';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('error codes', () => {
  it('lists every code the API throws (one list, the web app maps each to Chinese)', () => {
    const thrown = new Set<string>();
    for (const file of [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new ApiError\(\s*\d{3},\s*'([A-Z_]+)'/g)) thrown.add(m[1]);
    }
    expect(thrown.size).toBeGreaterThan(5);
    expect([...thrown].filter((c) => !(c in ERROR_CODES)).sort()).toEqual([]);
  });

  it('gives an error without a code one from its status', () => {
    expect(defaultCode(404, 'application 0000 not found')).toBe('CASE_NOT_FOUND');
    expect(defaultCode(404, 'notice 0000 not found')).toBe('NOT_FOUND');
    expect(defaultCode(409, 'Idempotency-Key: k was already used')).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(defaultCode(409, 'application x is closed')).toBe('CASE_CLOSED');
    expect(defaultCode(400, 'x')).toBe('VALIDATION_FAILED');
    expect(defaultCode(502, 'x')).toBe('INTERNAL');
    for (const s of [400, 401, 403, 404, 409, 413, 429, 500, 503]) expect(ERROR_CODE_LIST).toContain(defaultCode(s, ''));
  });

  it('names the field of a validation message', () => {
    expect(fieldOf('body.applicant.name: must not be empty')).toBe('body.applicant.name');
    expect(fieldOf('parts[0].ground: must be one of …')).toBe('parts[0].ground');
    expect(fieldOf('a sentence without a field')).toBeUndefined();
  });
});

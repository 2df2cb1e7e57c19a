import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { caseIdOfWorkflow, jsonLine } from '../../../libs/logging/json-line';
import { JsonLogger } from './json-logger';
import { requestContext } from './request-context';

const CASE = '0b6f3a52-8f1e-4c3a-9d7e-2a1b3c4d5e6f';
const at = new Date('2026-12-02T01:02:03.456Z');

const capture = (levels: ConstructorParameters<typeof JsonLogger>[0] = ['log', 'warn', 'error', 'fatal']) => {
  const lines: string[] = [];
  const logger = new JsonLogger(
    levels,
    (l) => lines.push(l),
    () => at,
  );
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('JSON log lines', () => {
  it('writes one object per line: time, level, message, then caseId and context when known', () => {
    expect(jsonLine({ level: 'info', message: 'reply issued\nwith a second line', caseId: CASE, context: 'notices' }, at)).toBe(
      `{"time":"2026-12-02T01:02:03.456Z","level":"info","message":"reply issued\\nwith a second line","caseId":"${CASE}","context":"notices"}`,
    );
    expect(jsonLine({ level: 'warn', message: 'x', extra: 1n, gone: undefined }, at)).toBe(
      '{"time":"2026-12-02T01:02:03.456Z","level":"warn","message":"x","extra":"1"}',
    );
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(JSON.parse(jsonLine({ level: 'error', message: 'y', circular }, at))).toEqual({
      time: at.toISOString(),
      level: 'error',
      message: 'y',
    });
  });

  it("maps Nest's calls: context last, stack for errors, objects with their fields, levels filtered", () => {
    const { logger, lines, records } = capture();
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.error('query failed', 'Error: query failed\n    at x', 'ExceptionsHandler');
    logger.warn({ message: 'letter failed', caseId: CASE, kind: 'reply' });
    logger.error(new Error('boom'));
    logger.log('absent stack and context', undefined);
    logger.debug('not written at info');
    logger.verbose('nor this');
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    expect(records()).toEqual([
      { time: at.toISOString(), level: 'info', message: 'Mapped {/health, GET} route', context: 'RouterExplorer' },
      {
        time: at.toISOString(),
        level: 'error',
        message: 'query failed',
        context: 'ExceptionsHandler',
        stack: 'Error: query failed\n    at x',
      },
      { time: at.toISOString(), level: 'warn', message: 'letter failed', caseId: CASE, kind: 'reply' },
      { time: at.toISOString(), level: 'error', message: 'boom', stack: expect.stringContaining('Error: boom') },
      { time: at.toISOString(), level: 'info', message: 'absent stack and context' },
    ]);
    logger.setLogLevels(['debug', 'verbose', 'log']);
    logger.verbose('now written');
    expect(records().at(-1)).toMatchObject({ level: 'debug', message: 'now written' });
  });

  it('adds the caseId of the request being served, and writes one access line per request', () => {
    const { logger, records } = capture();
    const serve = (path: string, params: Record<string, string>, status: number) => {
      const req = Object.assign(new EventEmitter(), { method: 'GET', route: { path }, baseUrl: '', params }) as unknown as IncomingMessage;
      const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse;
      requestContext(logger)(req, res, () => logger.warn('inside the handler'));
      res.emit('finish');
    };
    serve('/api/applications/:id/actions/:name', { id: CASE, name: 'triage' }, 200);
    serve('/api/admin/calendar/jobs/:id', { id: 'job-1' }, 503);
    const [inside, access, otherInside, otherAccess] = records();
    expect(inside).toMatchObject({ level: 'warn', message: 'inside the handler', caseId: CASE });
    expect(access).toMatchObject({
      level: 'info',
      message: 'GET /api/applications/{id}/actions/{name} 200',
      route: '/api/applications/{id}/actions/{name}',
      status: 200,
      caseId: CASE,
      durationMs: expect.any(Number),
    });
    expect(otherInside).not.toHaveProperty('caseId'); // a job id is not a case
    expect(otherAccess).toMatchObject({ level: 'warn', status: 503 });
    expect(otherAccess).not.toHaveProperty('caseId');
  });

  it("finds the case of a Temporal workflow id (the worker's activities)", () => {
    expect(caseIdOfWorkflow(`application-${CASE}`)).toBe(CASE);
    expect(caseIdOfWorkflow('calendar-job-1')).toBeUndefined();
    expect(caseIdOfWorkflow(undefined)).toBeUndefined();
  });
});

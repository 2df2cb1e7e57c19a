import { TemporalJsonLogger } from './temporal-json-logger';

const CASE = '0b6f3a52-8f1e-4c3a-9d7e-2a1b3c4d5e6f';

describe('TemporalJsonLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { logger: new TemporalJsonLogger('INFO', 'WARN', (l) => lines.push(l)), records: () => lines.map((l) => JSON.parse(l)) };
  };

  it("writes a workflow's or activity's log as a JSON line with the case of its workflow id", () => {
    const { logger, records } = capture();
    logger.info('application registered', {
      sdkComponent: 'workflow',
      workflowId: `application-${CASE}`,
      registrationNumber: 'LYZF-2026-00001',
    });
    logger.error('notice not issued', {
      sdkComponent: 'activity',
      workflowId: `application-${CASE}`,
      error: new Error('template missing'),
    });
    logger.error('registration failed', { sdkComponent: 'workflow', workflowId: 'other', applicationId: CASE });
    expect(records()).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        level: 'info',
        message: 'application registered',
        caseId: CASE,
        context: 'workflow',
        workflowId: `application-${CASE}`,
        registrationNumber: 'LYZF-2026-00001',
      },
      expect.objectContaining({
        level: 'error',
        caseId: CASE,
        context: 'activity',
        error: expect.objectContaining({ name: 'Error', message: 'template missing' }),
      }),
      expect.objectContaining({ level: 'error', message: 'registration failed', caseId: CASE }),
    ]);
  });

  it("filters the SDK's own logs at their own, quieter level", () => {
    const { logger, records } = capture();
    logger.info('Workflow bundle created', { sdkComponent: 'worker' });
    logger.debug('activity detail', { sdkComponent: 'activity' });
    logger.warn('slow poll', { sdkComponent: 'core' });
    expect(records()).toEqual([expect.objectContaining({ level: 'warn', message: 'slow poll', context: 'core' })]);
    expect(records()[0]).not.toHaveProperty('caseId');
  });
});

import { ConfigError, loadConfig } from './config';

const good = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('fills defaults for optional variables', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'disclosure-applications' });
    expect(c.registrationPrefix).toBe('LYZF');
    expect([c.reminderOffsets, c.notifyHour]).toEqual([[5, 2, 0], 9]);
  });

  it('reads the reminder offsets and hour, and names a bad one', () => {
    expect(loadConfig({ ...good, REMINDER_OFFSETS: '0, 3,10,3', NOTIFY_HOUR: '14' })).toMatchObject({
      reminderOffsets: [10, 3, 0],
      notifyHour: 14,
    });
    expect(() => loadConfig({ ...good, REMINDER_OFFSETS: '5,-1' })).toThrow(
      /REMINDER_OFFSETS: must be up to 10 comma-separated whole numbers/,
    );
    expect(() => loadConfig({ ...good, NOTIFY_HOUR: '24' })).toThrow(/NOTIFY_HOUR: must be an integer from 0 to 23/);
  });

  it('takes TEST_CLOCK=on only under NODE_ENV=test, so a production process refuses to start with it', () => {
    expect(loadConfig(good).testClock).toBe(false);
    expect(loadConfig({ ...good, NODE_ENV: 'test', TEST_CLOCK: 'on' }).testClock).toBe(true);
    for (const NODE_ENV of [undefined, 'production', 'development'])
      expect(() => loadConfig({ ...good, NODE_ENV, TEST_CLOCK: 'on' })).toThrow(
        /TEST_CLOCK: on is for the test suite only \(NODE_ENV=test\)/,
      );
    expect(() => loadConfig({ ...good, NODE_ENV: 'test', TEST_CLOCK: 'yes' })).toThrow(/TEST_CLOCK: must be on or off/);
  });

  it('takes a prebuilt workflow bundle only when the file exists', () => {
    expect(loadConfig({ ...good, WORKFLOW_BUNDLE_PATH: __filename }).temporal.workflowBundlePath).toBe(__filename);
    expect(() => loadConfig({ ...good, WORKFLOW_BUNDLE_PATH: '/nowhere/workflow-bundle.js' })).toThrow(
      /WORKFLOW_BUNDLE_PATH: no file at \/nowhere\/workflow-bundle\.js/,
    );
  });

  it('reads the public portal and message settings, with safe defaults, and names a bad one', () => {
    const c = loadConfig(good);
    expect(c.publicPortal).toEqual({
      challenge: true,
      challengeBits: 16,
      submissionsPerAddress: 20,
      submissionsPerPhone: 5,
      lookupsPerAddress: 120,
      rateWindowSeconds: 3600,
      bodyLimitBytes: 32768,
      baseUrl: 'http://127.0.0.1:3000',
    });
    expect(c.messages).toEqual({
      smtpFrom: '政府信息公开 <no-reply@disclosure-engine.invalid>',
      smsProvider: 'http-gateway',
      quietHours: { fromHour: 22, toHour: 7 },
      outboxPollMs: 1000,
    });
    const d = loadConfig({
      ...good,
      PUBLIC_CHALLENGE: 'off',
      PUBLIC_BASE_URL: 'https://gk.example.gov.cn/',
      SMTP_URL: 'smtp://mail:25',
      SMS_GATEWAY_URL: 'http://sms/send',
      STAFF_QUIET_HOURS: 'off',
    });
    expect([d.publicPortal.challenge, d.publicPortal.baseUrl, d.messages.smtpUrl, d.messages.smsGatewayUrl, d.messages.quietHours]).toEqual(
      [false, 'https://gk.example.gov.cn', 'smtp://mail:25', 'http://sms/send', null],
    );
    expect(() => loadConfig({ ...good, PUBLIC_CHALLENGE: 'no', SMTP_URL: 'mail:25', STAFF_QUIET_HOURS: '22-25' })).toThrow(
      /PUBLIC_CHALLENGE: must be on or off[\s\S]*SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL[\s\S]*STAFF_QUIET_HOURS/,
    );
  });

  it('serves worker metrics only when WORKER_METRICS_ADDRESS is a host:port', () => {
    expect(loadConfig(good).workerMetricsAddress).toBeUndefined();
    expect(loadConfig({ ...good, WORKER_METRICS_ADDRESS: '127.0.0.1:9464' }).workerMetricsAddress).toBe('127.0.0.1:9464');
    expect(() => loadConfig({ ...good, WORKER_METRICS_ADDRESS: 'http://x:1/metrics' })).toThrow(
      /WORKER_METRICS_ADDRESS: must be host:port/,
    );
  });

  it('names every bad variable and the rule it breaks', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', TEMPORAL_ADDRESS: 'nohost' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT: must be an integer from 1 to 65535, got "abc"');
    expect(problems).toContain('DATABASE_URL: must be a postgres://');
    expect(problems).toContain('JWT_SECRET: must be at least 16 characters');
    expect(problems).toContain('TEMPORAL_ADDRESS: must be host:port');
  });

  it('requires DATABASE_URL and JWT_SECRET', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL: is required[\s\S]*JWT_SECRET: is required/);
  });
});

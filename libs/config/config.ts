import { existsSync } from 'node:fs';

// Environment is validated once at boot into a typed config object; every bad
// variable is reported by name in one error, so an operator fixes them all at once.

export interface AppConfig {
  port: number;
  databaseUrl: string;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    /**
     * A prebuilt workflow bundle (WORKFLOW_BUNDLE_PATH, from `npm run bundle:workflows -- <file>`): the worker runs it
     * and the API replays histories against it, so both use the same code and neither bundles at start or first use.
     */
    workflowBundlePath?: string;
  };
  jwtSecret: string;
  jwtTtlSeconds: number;
  officeCode: string;
  registrationPrefix: string;
  demoPassword: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  workerMaxCachedWorkflows: number;
  /** Reminders to the assignee: working days before the due day (0 = on the day), e.g. REMINDER_OFFSETS=5,2,0 */
  reminderOffsets: number[];
  /** Hour of the Asia/Shanghai day at which reminders and escalations go out (NOTIFY_HOUR, 0-23) */
  notifyHour: number;
  /**
   * TEST_CLOCK=on, fault tests only: new cases accept the testClock signal that moves their clock
   * forward (libs/contracts/workflow.ts). Refused unless NODE_ENV=test; `npm start` refuses it too.
   */
  testClock: boolean;
  /** host:port where the worker serves Temporal's SDK metrics for Prometheus at /metrics (WORKER_METRICS_ADDRESS); off when unset */
  workerMetricsAddress?: string;
  /** The public portal (issue 19): challenge, rate limits, tracking link. */
  publicPortal: {
    /** PUBLIC_CHALLENGE=off turns the submission challenge off (scripted clients, tests) */
    challenge: boolean;
    /** leading zero bits the proof-of-work needs (PUBLIC_CHALLENGE_BITS) */
    challengeBits: number;
    /** submissions per address per window (PUBLIC_SUBMISSIONS_PER_ADDRESS) */
    submissionsPerAddress: number;
    /** submissions per phone per window (PUBLIC_SUBMISSIONS_PER_PHONE) */
    submissionsPerPhone: number;
    /** tracking look-ups and downloads per address per window (PUBLIC_LOOKUPS_PER_ADDRESS) */
    lookupsPerAddress: number;
    /** the rate-limit window in seconds (PUBLIC_RATE_WINDOW_SECONDS) */
    rateWindowSeconds: number;
    /** largest public request body in bytes (PUBLIC_BODY_LIMIT_BYTES) */
    bodyLimitBytes: number;
    /** where applicants track applications: messages link to <PUBLIC_BASE_URL>/track */
    baseUrl: string;
    /**
     * TRUST_PROXY: behind a reverse proxy, which proxies' X-Forwarded-For to believe (Express's
     * 'trust proxy': a hop count, loopback, or addresses/CIDRs); unset: the peer address is the client
     */
    trustProxy?: string | number;
  };
  /** Messages to applicants and staff. */
  messages: {
    smtpUrl?: string;
    smtpFrom: string;
    smsProvider: 'http-gateway';
    smsGatewayUrl?: string;
    smsGatewayToken?: string;
    /** STAFF_QUIET_HOURS=22-7: staff e-mails wait until 07:00 Asia/Shanghai; 'off': none */
    quietHours: { fromHour: number; toHour: number } | null;
    /** OUTBOX_POLL_MS: how often an idle delivery looks at the outbox */
    outboxPollMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_DEMO_PASSWORD = 'demo-Passw0rd';

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const v = env[name];
    if (v === undefined || v === '') {
      if (fallback === undefined) problems.push(`${name}: is required`);
      return fallback ?? '';
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name}: must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }
  const address = str('TEMPORAL_ADDRESS', '127.0.0.1:7233');
  if (!/^[\w.-]+:\d{1,5}$/.test(address)) problems.push(`TEMPORAL_ADDRESS: must be host:port, got "${address}"`);

  const jwtSecret = str('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 16) problems.push('JWT_SECRET: must be at least 16 characters');

  const officeCode = str('OFFICE_CODE', 'LINYI');
  if (!/^[A-Z0-9_-]{2,32}$/.test(officeCode)) problems.push('OFFICE_CODE: must be 2-32 characters of A-Z, 0-9, _ or -');
  const registrationPrefix = str('REGISTRATION_PREFIX', 'LYZF');
  if (!/^[\p{L}\p{N}_-]{1,16}$/u.test(registrationPrefix)) {
    problems.push('REGISTRATION_PREFIX: must be 1-16 letters, digits, _ or -');
  }
  const logLevel = str('LOG_LEVEL', 'info');
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push('LOG_LEVEL: must be one of debug, info, warn, error');
  }
  const demoPassword = str('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD);
  if (demoPassword.length < 8) problems.push('DEMO_PASSWORD: must be at least 8 characters');

  const offsetsText = str('REMINDER_OFFSETS', '5,2,0');
  const reminderOffsets = offsetsText.split(',').map((x) => Number(x.trim()));
  if (!offsetsText.trim() || reminderOffsets.some((n) => !Number.isInteger(n) || n < 0 || n > 60) || reminderOffsets.length > 10) {
    problems.push('REMINDER_OFFSETS: must be up to 10 comma-separated whole numbers of working days from 0 to 60, e.g. 5,2,0');
  }

  const metricsAddress = str('WORKER_METRICS_ADDRESS', '');
  if (metricsAddress && !/^[\w.-]+:\d{1,5}$/.test(metricsAddress)) {
    problems.push(`WORKER_METRICS_ADDRESS: must be host:port, e.g. 127.0.0.1:9464, got "${metricsAddress}"`);
  }

  const port = int('PORT', 3000, 1, 65535);
  const challengeText = str('PUBLIC_CHALLENGE', 'on');
  if (!['on', 'off'].includes(challengeText)) problems.push('PUBLIC_CHALLENGE: must be on or off');
  const baseUrl = str('PUBLIC_BASE_URL', `http://127.0.0.1:${port}`);
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) problems.push('PUBLIC_BASE_URL: must be an http:// or https:// URL');
  const smtpUrl = str('SMTP_URL', '');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL: must be an smtp:// or smtps:// URL');
  const smtpFrom = str('SMTP_FROM', '政府信息公开 <no-reply@disclosure-engine.invalid>');
  if (!/@[^\s>]+>?$/.test(smtpFrom)) problems.push('SMTP_FROM: must be an e-mail address, optionally with a name: 名称 <a@b.c>');
  const smsGatewayUrl = str('SMS_GATEWAY_URL', '');
  if (smsGatewayUrl && !/^https?:\/\//.test(smsGatewayUrl)) problems.push('SMS_GATEWAY_URL: must be an http:// or https:// URL');
  const smsProvider = str('SMS_PROVIDER', 'http-gateway');
  if (smsProvider !== 'http-gateway') problems.push('SMS_PROVIDER: must be http-gateway (the one SMS adapter so far)');
  const quietText = str('STAFF_QUIET_HOURS', '22-7');
  const quiet = /^(\d{1,2})-(\d{1,2})$/.exec(quietText);
  if (quietText !== 'off' && (!quiet || Number(quiet[1]) > 23 || Number(quiet[2]) > 23)) {
    problems.push('STAFF_QUIET_HOURS: must be FROM-TO hours 0-23 (Asia/Shanghai), e.g. 22-7, or off');
  }

  const workflowBundlePath = str('WORKFLOW_BUNDLE_PATH', '');
  if (workflowBundlePath && !existsSync(workflowBundlePath))
    problems.push(`WORKFLOW_BUNDLE_PATH: no file at ${workflowBundlePath} (build it with npm run bundle:workflows -- <file>)`);

  const testClockText = str('TEST_CLOCK', 'off');
  if (!['on', 'off'].includes(testClockText)) problems.push('TEST_CLOCK: must be on or off');
  else if (testClockText === 'on' && env.NODE_ENV !== 'test')
    problems.push('TEST_CLOCK: on is for the test suite only (NODE_ENV=test); never set it in production');

  const config: AppConfig = {
    port,
    databaseUrl,
    temporal: {
      address,
      namespace: str('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: str('TEMPORAL_TASK_QUEUE', 'disclosure-applications'),
      ...(workflowBundlePath ? { workflowBundlePath } : {}),
    },
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    officeCode,
    registrationPrefix,
    demoPassword,
    logLevel: logLevel as AppConfig['logLevel'],
    workerMaxCachedWorkflows: int('WORKER_MAX_CACHED_WORKFLOWS', 500, 1, 100_000),
    reminderOffsets: [...new Set(reminderOffsets)].sort((a, b) => b - a),
    notifyHour: int('NOTIFY_HOUR', 9, 0, 23),
    testClock: testClockText === 'on',
    ...(metricsAddress ? { workerMetricsAddress: metricsAddress } : {}),
    publicPortal: {
      challenge: challengeText !== 'off',
      challengeBits: int('PUBLIC_CHALLENGE_BITS', 16, 1, 28),
      submissionsPerAddress: int('PUBLIC_SUBMISSIONS_PER_ADDRESS', 20, 1, 100_000),
      submissionsPerPhone: int('PUBLIC_SUBMISSIONS_PER_PHONE', 5, 1, 100_000),
      lookupsPerAddress: int('PUBLIC_LOOKUPS_PER_ADDRESS', 120, 1, 1_000_000),
      rateWindowSeconds: int('PUBLIC_RATE_WINDOW_SECONDS', 3600, 10, 7 * 24 * 3600),
      bodyLimitBytes: int('PUBLIC_BODY_LIMIT_BYTES', 32 * 1024, 1024, 1024 * 1024),
      baseUrl: baseUrl.replace(/\/+$/, ''),
      ...(env.TRUST_PROXY ? { trustProxy: /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY } : {}),
    },
    messages: {
      ...(smtpUrl ? { smtpUrl } : {}),
      smtpFrom,
      smsProvider: 'http-gateway',
      ...(smsGatewayUrl ? { smsGatewayUrl } : {}),
      ...(env.SMS_GATEWAY_TOKEN ? { smsGatewayToken: env.SMS_GATEWAY_TOKEN } : {}),
      quietHours: quiet && quietText !== 'off' ? { fromHour: Number(quiet[1]), toHour: Number(quiet[2]) } : null,
      outboxPollMs: int('OUTBOX_POLL_MS', 1000, 50, 600_000),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export { DEFAULT_DEMO_PASSWORD };

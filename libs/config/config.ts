// Environment is validated once at boot into a typed config object; every bad
// variable is reported by name in one error, so an operator fixes them all at once.

export interface AppConfig {
  port: number;
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
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
  /** host:port where the worker serves Temporal's SDK metrics for Prometheus at /metrics (WORKER_METRICS_ADDRESS); off when unset */
  workerMetricsAddress?: string;
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

  const config: AppConfig = {
    port: int('PORT', 3000, 1, 65535),
    databaseUrl,
    temporal: {
      address,
      namespace: str('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: str('TEMPORAL_TASK_QUEUE', 'disclosure-applications'),
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
    ...(metricsAddress ? { workerMetricsAddress: metricsAddress } : {}),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export { DEFAULT_DEMO_PASSWORD };

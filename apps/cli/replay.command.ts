// `replay`: replays the recorded Temporal histories of cases against the current
// workflow code (see apps/worker/replay-verify.ts). Exit 0 when every case replays,
// 1 when any diverges or has no history, 2 on bad input.
import type { ClosedCaseKey, ReplayReport } from '../worker/replay-verify';
import { type CommandResult, failure } from './command-result';

export const REPLAY_USAGE = [
  'replay --id <applicationId>                               replay one case against the current workflow code',
  'replay --closed-from YYYY-MM-DD --closed-to YYYY-MM-DD    replay the cases closed in [from, to) (needs DATABASE_URL)',
  '       [--page-size N]                                    cases per page, 1-500 (default 100); every page is replayed',
];

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLAGS = ['--id', '--closed-from', '--closed-to', '--page-size'] as const;
type Flag = (typeof FLAGS)[number];

let runtimeInstalled = false;

export type ReplayTarget = { id: string } | { from: Date; to: Date; pageSize: number };

/** Parses the flags; errors name the flag. */
export async function parseReplayArgs(
  args: readonly string[],
): Promise<{ ok: true; target: ReplayTarget } | { ok: false; errors: string[] }> {
  const { parsePeriodBound } = await import('../worker/replay-verify');
  const given: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(FLAGS as readonly string[]).includes(flag)) return { ok: false, errors: [`replay: unknown option ${args[i]}`] };
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, errors: [`${flag}: needs a value`] };
    if (given[flag as Flag] !== undefined) return { ok: false, errors: [`${flag}: given twice`] };
    given[flag as Flag] = value;
  }
  const id = given['--id'];
  const [fromText, toText, pageSizeText] = [given['--closed-from'], given['--closed-to'], given['--page-size']];
  if (id !== undefined) {
    if (pageSizeText !== undefined) return { ok: false, errors: ['--page-size: only with --closed-from and --closed-to'] };
    if (fromText !== undefined || toText !== undefined)
      return {
        ok: false,
        errors: [
          `${fromText !== undefined ? '--closed-from' : '--closed-to'}: give either --id or --closed-from and --closed-to, not both`,
        ],
      };
    if (!UUID.test(id)) return { ok: false, errors: [`--id: must be an application UUID (got ${JSON.stringify(id)})`] };
    return { ok: true, target: { id } };
  }
  if (fromText === undefined && toText === undefined)
    return { ok: false, errors: ['--id: required unless --closed-from and --closed-to are given'] };
  if (fromText === undefined) return { ok: false, errors: ['--closed-from: required with --closed-to'] };
  if (toText === undefined) return { ok: false, errors: ['--closed-to: required with --closed-from'] };
  const from = parsePeriodBound(fromText);
  if (!from) return { ok: false, errors: [`--closed-from: must be a date YYYY-MM-DD (got ${JSON.stringify(fromText)})`] };
  const to = parsePeriodBound(toText);
  if (!to) return { ok: false, errors: [`--closed-to: must be a date YYYY-MM-DD (got ${JSON.stringify(toText)})`] };
  if (to.getTime() <= from.getTime()) return { ok: false, errors: ['--closed-to: must be after --closed-from'] };
  let pageSize = DEFAULT_PAGE_SIZE;
  if (pageSizeText !== undefined) {
    pageSize = /^\d{1,3}$/.test(pageSizeText) ? Number(pageSizeText) : NaN;
    if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE))
      return { ok: false, errors: [`--page-size: must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${JSON.stringify(pageSizeText)})`] };
  }
  return { ok: true, target: { from, to, pageSize } };
}

export async function runReplayCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const parsed = await parseReplayArgs(args);
  if (!parsed.ok) return failure([...parsed.errors, 'usage:', ...REPLAY_USAGE.map((l) => `  ${l}`)]);
  const { target } = parsed;
  if (!env.DATABASE_URL) return failure(['replay: DATABASE_URL is required (the cases and their workflow ids are in the database)']);
  const address = env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  if (!/^[\w.-]+:\d{1,5}$/.test(address)) return failure([`TEMPORAL_ADDRESS: must be host:port, got "${address}"`]);

  const [{ Client, Connection }, { DefaultLogger, Runtime }, { createDataSource }, { closedCasesPage, verifyReplay }, { workflowIdFor }] =
    await Promise.all([
      import('@temporalio/client'),
      import('@temporalio/worker'),
      import('../../libs/persistence/data-source'),
      import('../worker/replay-verify'),
      import('../../libs/contracts/application'),
    ]);
  const ds = createDataSource(env.DATABASE_URL, { poolSize: 2, applicationName: 'disclosure-cli-replay' });
  await ds.initialize();
  try {
    type Report = ReplayReport & { pages?: number };
    let replay: (client: InstanceType<typeof Client>) => Promise<Report>;
    if ('id' in target) {
      const [row] = (await ds.query('SELECT workflow_id FROM applications WHERE id = $1', [target.id])) as { workflow_id: string | null }[];
      if (!row) return failure([`--id: no application ${target.id} in the database`]);
      const workflowId = row.workflow_id ?? workflowIdFor(target.id);
      replay = (client) => verifyReplay(client, [workflowId]);
    } else {
      const period = target;
      // Page by page (as the API does), so memory and each replay batch stay bounded however long the period is.
      replay = async (client) => {
        const total: Required<Report> = { checked: 0, ok: 0, failures: [], pages: 0 };
        let after: ClosedCaseKey | null = null;
        do {
          const page = await closedCasesPage(ds, { from: period.from, to: period.to, limit: period.pageSize, after });
          const part = await verifyReplay(client, page.workflowIds);
          total.checked += part.checked;
          total.ok += part.ok;
          total.failures.push(...part.failures);
          total.pages += 1;
          after = page.next;
        } while (after !== null);
        return total;
      };
    }
    // Keep stdout/stderr for the report: the SDK logs worker state changes at INFO.
    if (!runtimeInstalled) {
      runtimeInstalled = true;
      try {
        Runtime.install({ logger: new DefaultLogger('WARN') });
      } catch {
        // A runtime already runs in this process (in-process use): keep its logger.
      }
    }
    const connection = await Connection.connect({ address });
    let report: Report;
    try {
      report = await replay(new Client({ connection, namespace: env.TEMPORAL_NAMESPACE ?? 'default' }));
    } finally {
      await connection.close();
    }
    const lines = report.failures.map((f) => `replay ${f.kind}: ${f.workflowId}: ${f.error}`);
    return {
      code: report.failures.length > 0 ? 1 : 0,
      stdout: `${JSON.stringify(report, null, 2)}\n`,
      stderr: lines.length ? `${lines.join('\n')}\n` : '',
    };
  } finally {
    await ds.destroy();
  }
}

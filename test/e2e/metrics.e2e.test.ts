import request from 'supertest';
import { ApiMetrics, GAUGE_CACHE_MS } from '../../apps/api/metrics/metrics.service';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

/** The value of one sample line (`name{labels} value`) of the exposition, or undefined. */
const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics: Prometheus text exposition of the API', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const scrape = async () => {
    const res = await request(stack.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return res.text;
  };

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts requests by method, route template and status class, with a latency histogram', async () => {
    const before = await scrape();
    const liveOk = 'http_requests_total{method="GET",route="/health/live",status_class="2xx"}';
    const caseDenied = 'http_requests_total{method="GET",route="/api/applications/{id}",status_class="4xx"}';
    const base = (s: string) => valueOf(before, s) ?? 0;

    for (let i = 0; i < 3; i++) await request(stack.http).get('/health/live').expect(200);
    await request(stack.http).get('/api/applications/00000000-0000-4000-8000-000000000001').expect(401);
    await request(stack.http).get('/api/applications/00000000-0000-4000-8000-000000000002').expect(401);
    await request(stack.http).get('/api/no/such/route').expect(404);

    const after = await scrape();
    expect(valueOf(after, liveOk)).toBe(base(liveOk) + 3);
    expect(valueOf(after, caseDenied)).toBe(base(caseDenied) + 2);
    expect(valueOf(after, 'http_requests_total{method="GET",route="(unmatched)",status_class="4xx"}')).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('00000000-0000-4000-8000-000000000001'); // never the raw URL
    expect(after).toContain('# TYPE http_requests_total counter');
    expect(after).toContain('# TYPE http_request_duration_seconds histogram');
    const count = valueOf(after, 'http_request_duration_seconds_count{method="GET",route="/health/live"}');
    expect(count).toBe(valueOf(after, 'http_request_duration_seconds_bucket{method="GET",route="/health/live",le="+Inf"}'));
    expect(count).toBeGreaterThanOrEqual(3);
    expect(valueOf(after, 'http_request_duration_seconds_sum{method="GET",route="/health/live"}')).toBeGreaterThan(0);
  });

  it('reads open cases, overdue open cases and letters issued from PostgreSQL, cached briefly', async () => {
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙']) {
      const res = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission(name)).expect(201);
      ids.push(res.body.id);
    }
    // Each case gets its receipt letter from the workflow, shortly after registration.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await stack.dataSource.query(
        `SELECT count(DISTINCT application_id)::int AS n FROM notices WHERE application_id = ANY($1)`,
        [ids],
      );
      if (n === ids.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const metrics = stack.app.get(ApiMetrics);
    let clock = Date.now() + GAUGE_CACHE_MS; // past whatever an earlier scrape cached
    metrics.now = () => clock;
    const database = async () => {
      const [r] = await stack.dataSource.query(
        `SELECT (SELECT count(*) FROM applications WHERE status <> 'closed')::int AS open,
                (SELECT count(*) FROM notices)::int AS letters`,
      );
      return r as { open: number; letters: number };
    };

    const first = await scrape();
    const db = await database();
    expect(db.open).toBeGreaterThanOrEqual(3);
    expect(valueOf(first, 'disclosure_case_counts_up')).toBe(1);
    expect(valueOf(first, 'disclosure_open_cases')).toBe(db.open);
    expect(valueOf(first, 'disclosure_letters_issued')).toBe(db.letters);
    expect(db.letters).toBeGreaterThanOrEqual(3);
    const overdueBefore = valueOf(first, 'disclosure_overdue_open_cases')!;

    // One case's due day passes (the read side derives overdue from the due day for unanswered cases).
    await stack.dataSource.query(`UPDATE applications SET due_on = DATE '2020-01-02' WHERE id = $1`, [ids[0]]);
    expect(valueOf(await scrape(), 'disclosure_overdue_open_cases')).toBe(overdueBefore); // still the cached read
    clock += GAUGE_CACHE_MS;
    const later = await scrape();
    expect(valueOf(later, 'disclosure_overdue_open_cases')).toBe(overdueBefore + 1);
    // The same number as the case list's overdue filter, which uses the same rule.
    const listed = await request(stack.http).get('/api/applications?overdue=true').set(as('clerk')).expect(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(ids[0]);
  });
});

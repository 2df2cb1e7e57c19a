import { Counter, Histogram, labelText } from './exposition';

describe('Prometheus text exposition 0.0.4', () => {
  it('escapes label values: backslash, double quote, newline', () => {
    expect(labelText({ a: 'x"y\\z\nw' })).toBe('{a="x\\"y\\\\z\\nw"}');
    expect(labelText({})).toBe('');
  });

  it('writes counters per label set and cumulative histogram buckets with +Inf, _sum and _count', () => {
    const c = new Counter('http_requests_total', 'HTTP requests');
    c.inc({ method: 'GET', status_class: '2xx' });
    c.inc({ method: 'GET', status_class: '2xx' });
    c.inc({ method: 'POST', status_class: '4xx' });
    expect(c.render()).toBe(
      '# HELP http_requests_total HTTP requests\n# TYPE http_requests_total counter\n' +
        'http_requests_total{method="GET",status_class="2xx"} 2\nhttp_requests_total{method="POST",status_class="4xx"} 1\n',
    );
    const h = new Histogram('d_seconds', 'latency', [0.1, 1]);
    h.observe({ route: '/x' }, 0.05);
    h.observe({ route: '/x' }, 0.5);
    h.observe({ route: '/x' }, 3);
    expect(h.render()).toBe(
      '# HELP d_seconds latency\n# TYPE d_seconds histogram\n' +
        'd_seconds_bucket{route="/x",le="0.1"} 1\nd_seconds_bucket{route="/x",le="1"} 2\nd_seconds_bucket{route="/x",le="+Inf"} 3\n' +
        'd_seconds_sum{route="/x"} 3.55\nd_seconds_count{route="/x"} 3\n',
    );
  });
});

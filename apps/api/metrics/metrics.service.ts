import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApplicationsRepository } from '../applications/applications.repository';
import { officeToday } from '../common/overdue';
import { Counter, header, Histogram, sample } from './exposition';

/** What Express adds to a request that these metrics read (the project has no Express types). */
export type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

/** Seconds; from a quick lookup to a slow report or a Temporal round trip that timed out. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** How long the counts read from PostgreSQL are reused: scrapes every few seconds cost one query. */
export const GAUGE_CACHE_MS = 10_000;

export interface CaseCounts {
  openCases: number;
  overdueOpenCases: number;
  lettersIssued: number;
}

/**
 * The route a request matched, as its template (`/api/applications/{id}`, the OpenAPI
 * spelling), never the raw URL, so case ids do not become label values. Requests that
 * matched no route share one label.
 */
export function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return '(unmatched)';
  // The web app's catch-all (index.html for the app's own paths; it passes API paths on).
  if (path.includes('*')) return /^\/(api|health|metrics)(\/|$)/.test(req.originalUrl ?? '') ? '(unmatched)' : '(web app)';
  return `${req.baseUrl ?? ''}${path}`.replace(/:(\w+)/g, '{$1}');
}

/** The API's Prometheus metrics: HTTP traffic counted in process, case counts read at scrape time. */
@Injectable()
export class ApiMetrics {
  private readonly requests = new Counter('http_requests_total', 'HTTP requests answered, by method, route template and status class');
  private readonly latency = new Histogram(
    'http_request_duration_seconds',
    'Time from receiving an HTTP request to finishing the answer, by method and route template',
    LATENCY_BUCKETS,
  );
  private cached?: { at: number; counts: Promise<CaseCounts> };

  /** The clock for the cache and for "today" of the overdue rule (tests move it). */
  now: () => number = Date.now;

  constructor(@Inject(ApplicationsRepository) private readonly applications: ApplicationsRepository) {}

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status_class: `${Math.floor(status / 100)}xx` });
    this.latency.observe({ method, route }, seconds);
  }

  /** Express middleware: records each request once its answer is finished. */
  middleware() {
    return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        this.observe(req.method ?? 'GET', routeTemplate(req), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }

  /** Open cases, overdue open cases (the one overdue rule) and letters issued, at most GAUGE_CACHE_MS old. */
  caseCounts(): Promise<CaseCounts> {
    const now = this.now();
    if (this.cached && now - this.cached.at < GAUGE_CACHE_MS) return this.cached.counts;
    const counts = this.applications.caseCounts(officeToday(now));
    this.cached = { at: now, counts };
    counts.catch(() => {
      if (this.cached?.counts === counts) this.cached = undefined; // a failed read is not cached
    });
    return counts;
  }

  async render(): Promise<string> {
    let out = this.requests.render() + this.latency.render();
    const gauge = (name: string, help: string, value: number) => header(name, 'gauge', help) + sample(name, {}, value);
    try {
      const c = await this.caseCounts();
      out += gauge('disclosure_case_counts_up', '1 when the case counts below were read from PostgreSQL, 0 when that failed', 1);
      out += gauge('disclosure_open_cases', 'Cases not closed', c.openCases);
      out += gauge(
        'disclosure_overdue_open_cases',
        'Cases not closed that are overdue (the same rule as the lists and the board)',
        c.overdueOpenCases,
      );
      out += gauge('disclosure_letters_issued', 'Letters (notices) issued, all kinds, since the start', c.lettersIssued);
    } catch {
      out += gauge('disclosure_case_counts_up', '1 when the case counts below were read from PostgreSQL, 0 when that failed', 0);
    }
    return out;
  }
}

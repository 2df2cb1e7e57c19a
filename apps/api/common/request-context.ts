import { Logger, type LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeTemplate, type RoutedRequest } from '../metrics/metrics.service';

type Request = RoutedRequest & { params?: Record<string, string> };

const current = new AsyncLocalStorage<Request>();

// Routes whose `{id}` is a case (an application): the case routes and their sub-resources.
const CASE_ROUTE = /^\/api\/applications\/\{id\}(\/|$)/;

/** The case the current request concerns (its `/api/applications/{id}` path), if any. */
export function currentCaseId(): string | undefined {
  const req = current.getStore();
  if (!req) return undefined;
  const id = req.params?.id;
  return id && CASE_ROUTE.test(routeTemplate(req)) ? id : undefined;
}

/**
 * Express middleware: runs the rest of the request in a context the JSON logger reads the
 * case id from, and writes one access line when the answer is finished (5xx as a warning:
 * the failure itself is logged as an error where it happens, e.g. by Nest's exception handler).
 */
export function requestContext(logger: Pick<LoggerService, 'log' | 'warn'> = new Logger('http')) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const r = req as Request;
      const route = routeTemplate(r);
      const line = {
        message: `${req.method} ${route} ${res.statusCode}`,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        caseId: current.run(r, currentCaseId),
      };
      if (res.statusCode >= 500) logger.warn(line);
      else logger.log(line);
    });
    current.run(req as Request, next);
  };
}

// The workbench (apps/web, built by Vite into apps/web/dist) served by the API at `/`: static
// files, and index.html for every other GET that is not the API's (the app routes in the
// browser). Before it is built, those paths answer 503 saying how to build it.
import { type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Paths that are the API's, never the web app's. */
export const API_PATHS = /^\/(api|health|metrics)(\/|$)/;
const EXCLUDE = ['/api', '/api/{*path}', '/health', '/health/{*path}', '/metrics'];

/** The repository root (the folder of package.json), from this file's place in apps/ or dist/apps/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the built web app is: WEB_DIST_DIR, or apps/web/dist of the repository. */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WEB_DIST_DIR || join(repoRoot(), 'apps', 'web', 'dist');
}

export const webAppBuilt = (dir: string): boolean => existsSync(join(dir, 'index.html'));

export function webAppModule(dir: string): DynamicModule[] {
  if (!webAppBuilt(dir)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: dir,
      exclude: EXCLUDE,
      serveStaticOptions: {
        index: false,
        setHeaders: (res, path) => {
          // Vite names assets by content hash: cache them for good; index.html is looked at every time.
          res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  ];
}

type Req = { method: string; path: string };
type Res = {
  status(n: number): Res;
  type(t: string): Res;
  send(b: string): void;
  setHeader(k: string, v: string): void;
};

/** Before the web app is built: its paths answer 503 with how to build it (the API answers as ever). */
export function webAppNotBuilt(dir: string) {
  return (req: Req, res: Res, next: () => void): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || webAppBuilt(dir)) return next();
    res.setHeader('Retry-After', '30');
    res
      .status(503)
      .type('text/plain; charset=utf-8')
      .send(`工作台尚未构建。The web app is not built: run npm run build:web (looked in ${dir}).\n`);
  };
}

/**
 * Security headers on every answer: a content security policy that lets pages load only this
 * server's scripts (antd writes its styles inline, so styles may be inline), no framing, no
 * MIME sniffing. Swagger UI (/api/docs) keeps its own page as it is.
 */
export function securityHeaders() {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return (req: Req, res: Res, next: () => void): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (!req.path.startsWith('/api/docs')) res.setHeader('Content-Security-Policy', csp);
    next();
  };
}

import { rmSync } from 'node:fs';
import type { Services } from './services';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __deServices?: Services; __deRefs?: number };
  g.__deRefs = (g.__deRefs ?? 1) - 1;
  if (g.__deRefs > 0 || !g.__deServices) return;
  const { dir, pg, temporal } = g.__deServices;
  g.__deServices = undefined;
  await Promise.all([temporal.stop(), pg.stop()]);
  rmSync(dir, { recursive: true, force: true });
}

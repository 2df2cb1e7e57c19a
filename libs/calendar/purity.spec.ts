import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Workflow code imports libs/calendar and libs/deadline: their non-seeding modules
// must stay deterministic (no Node built-ins, no chinese-days, no clock).
const SEEDING = new Set(['official-seed.ts', 'derived-holidays.ts', 'bundled-calendar.ts']);
const dirs = [__dirname, join(__dirname, '..', 'deadline')];
const pureFiles = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !SEEDING.has(f))
    .map((f) => join(dir, f)),
);
const builtins = new Set(builtinModules);

describe('pure calendar and deadline modules', () => {
  it('finds the modules', () => {
    expect(pureFiles.length).toBeGreaterThan(8);
  });

  it.each(pureFiles.map((f) => [f.slice(f.indexOf('libs/')), f]))('%s imports nothing impure and reads no clock', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    const specifiers = [
      ...src.matchAll(
        /^\s*(?:import|export)\b[^;'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]/gm,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
    for (const s of specifiers) {
      expect(s.startsWith('node:') || builtins.has(s)).toBe(false);
      expect(s).not.toMatch(/chinese-days|official-seed|derived-holidays|bundled-calendar/);
      expect(s.startsWith('.')).toBe(true); // only our own pure modules
    }
    expect(src).not.toMatch(/\bnew Date\b|\bDate\.(now|UTC|parse)\b|Math\.random|process\./);
  });
});

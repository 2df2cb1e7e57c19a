// Golden files: committed expected text under libs/documents/__golden__/. To accept a change
// after reading the diff: UPDATE_GOLDEN=1 npx jest --selectProjects unit --testPathPattern libs/documents
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const GOLDEN_DIR = join(__dirname, '..', '__golden__');
export const updatingGoldens = (): boolean => process.env.UPDATE_GOLDEN === '1';

/**
 * Returns the committed golden text (writing `actual` first when UPDATE_GOLDEN=1), for the caller
 * to compare. `compareAs` may normalise both sides (e.g. PDF text, where line breaks depend on fonts).
 */
export function readGolden(name: string, actual: string): string {
  const file = join(GOLDEN_DIR, name);
  if (updatingGoldens()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
  }
  if (!existsSync(file)) {
    throw new Error(`Golden file ${relative(process.cwd(), file)} is missing; run with UPDATE_GOLDEN=1 to create it`);
  }
  return readFileSync(file, 'utf8');
}

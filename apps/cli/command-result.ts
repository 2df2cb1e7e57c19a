export interface CommandResult {
  code: number; // 0 ok, 2 bad input
  stdout: string;
  stderr: string;
}

export const EXIT_BAD_INPUT = 2;

export function success(value: unknown): CommandResult {
  return { code: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '' };
}

export function failure(errors: readonly string[]): CommandResult {
  return { code: EXIT_BAD_INPUT, stdout: '', stderr: `${errors.join('\n')}\n` };
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (text.trim() === '') return { ok: false, errors: ['stdin: empty, expected JSON'] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, errors: [`stdin: not valid JSON (${(e as Error).message})`] };
  }
}

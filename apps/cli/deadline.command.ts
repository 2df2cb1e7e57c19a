import type { WorkingDayIndex } from '../../libs/calendar';
import { type DeadlineInput, type DeadlineResult, computeDeadlines, validateDeadlineInput } from '../../libs/deadline';
import type { CommandResult } from './command-result';
import { failure, parseJson, success } from './command-result';

export interface DeadlineCommandOptions {
  explain: boolean;
}

/**
 * stdin: one deadline input or an array of them; stdout: one result or an array in
 * the same order. Any bad element fails the whole batch (exit 2, nothing on stdout).
 */
export function runDeadlineCommand(stdin: string, index: WorkingDayIndex, options: DeadlineCommandOptions): CommandResult {
  const parsed = parseJson(stdin);
  if (!parsed.ok) return failure(parsed.errors);
  const batch = Array.isArray(parsed.value);
  const items: unknown[] = batch ? (parsed.value as unknown[]) : [parsed.value];
  const errors: string[] = [];
  const inputs: DeadlineInput[] = [];
  items.forEach((item, i) => {
    const r = validateDeadlineInput(item, { path: batch ? `[${i}]` : '', index });
    if (r.ok) inputs.push(r.value);
    else errors.push(...r.errors);
  });
  if (errors.length > 0) return failure(errors);
  const results: DeadlineResult[] = [];
  for (let i = 0; i < inputs.length; i++) {
    try {
      results.push(computeDeadlines(inputs[i], index, { explain: options.explain }));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // e.g. a deadline beyond the last year of the calendar
      errors.push(`${batch ? `[${i}].` : ''}receivedOn: ${e.message}`);
    }
  }
  if (errors.length > 0) return failure(errors);
  return success(batch ? results : results[0]);
}

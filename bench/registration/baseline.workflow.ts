// The bare-Temporal baseline of bench/registration: an empty workflow started with
// one Update (executeUpdateWithStart), answered at once, then the workflow ends.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const baselineUpdate = defineUpdate<string, [string]>('baseline');

export async function baselineWorkflow(): Promise<void> {
  let answered = false;
  setHandler(baselineUpdate, (id: string) => {
    answered = true;
    return id;
  });
  await condition(() => answered);
}

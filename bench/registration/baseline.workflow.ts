// The bare-Temporal baseline of bench/registration: an empty workflow started with
// one Update (executeUpdateWithStart), answered at once. Like a registered case waiting
// on its timers, it then stays open: a workflow that ended here would leave the server
// closing it (visibility, retention timer) while the bench times the next call.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const baselineUpdate = defineUpdate<string, [string]>('baseline');

export async function baselineWorkflow(): Promise<void> {
  setHandler(baselineUpdate, (id: string) => id);
  await condition(() => false);
}

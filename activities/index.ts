import { createCaseActivities } from './case.activities';
import { createNoticeActivities } from './notice.activities';
import { createRegistrationActivities, type RegistrationDeps } from './registration.activities';

export type ActivityDeps = RegistrationDeps;

/** Every activity the worker hosts, bound to its dependencies. */
export function createActivities(deps: ActivityDeps) {
  const notices = createNoticeActivities(deps);
  return { ...createRegistrationActivities({ ...deps, issueNotice: notices.issueNotice }), ...createCaseActivities(deps), ...notices };
}

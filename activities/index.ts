import { createCalendarFanoutActivities } from './calendar-fanout.activities';
import { createCaseActivities } from './case.activities';
import { createNoticeActivities, noticeWriter } from './notice.activities';
import { createRegistrationActivities, type RegistrationDeps } from './registration.activities';

export type ActivityDeps = RegistrationDeps;

/** Every activity the worker hosts, bound to its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createRegistrationActivities({ ...deps, letters: noticeWriter }),
    ...createCaseActivities(deps),
    ...createNoticeActivities(deps),
    ...createCalendarFanoutActivities(deps),
  };
}

import type { MessageTransport } from '../libs/messages/transports';
import type { MessageSettings } from '../libs/persistence/message-outbox.repository';
import { createCalendarFanoutActivities } from './calendar-fanout.activities';
import { createCaseActivities } from './case.activities';
import { createNoticeActivities, noticeWriter } from './notice.activities';
import { createOutboxActivities } from './outbox.activities';
import { createRegistrationActivities, type RegistrationDeps } from './registration.activities';
import { createReplayVerifyActivities } from './replay-verify.activities';

export interface ActivityDeps extends RegistrationDeps {
  /** Tracking link and staff quiet hours of the messages written to the outbox. */
  messages?: MessageSettings;
  /** Configured message transports (none: messages are held in the outbox). */
  transports?: MessageTransport[];
  /** How often an idle outbox delivery looks again (ms). */
  outboxPollMs?: number;
  /** The worker's workflow bundle file: replay verification replays against it. */
  workflowBundlePath?: string;
}

/** Every activity the worker hosts, bound to its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createRegistrationActivities({ ...deps, letters: noticeWriter }),
    ...createCaseActivities(deps),
    ...createNoticeActivities(deps),
    ...createCalendarFanoutActivities(deps),
    ...createReplayVerifyActivities(deps),
    ...createOutboxActivities({ ds: deps.ds, transports: deps.transports, pollMs: deps.outboxPollMs }),
  };
}

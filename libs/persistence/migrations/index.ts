import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { Calendar1764288100000 } from './1764288100000-calendar';
import { CaseWorkflow1764288200000 } from './1764288200000-case-workflow';
import { Notices1764288300000 } from './1764288300000-notices';
import { OfficeContacts1764288400000 } from './1764288400000-office-contacts';
import { Administration1764288500000 } from './1764288500000-administration';
import { Remedies1764288600000 } from './1764288600000-remedies';
import { NoticeFiles1764288700000 } from './1764288700000-notice-files';
import { AssigneeIndex1764288800000 } from './1764288800000-assignee-index';
import { CaseFacts1764288900000 } from './1764288900000-case-facts';
import { CaseSearch1764289100000 } from './1764289100000-case-search';
import { NoticePdf1764289200000 } from './1764289200000-notice-pdf';
import { IdempotencyKeys1764289500000 } from './1764289500000-idempotency-keys';
import { OpenDueIndex1764289600000 } from './1764289600000-open-due-index';
import { CalendarJobs1764289700000 } from './1764289700000-calendar-jobs';
import { ListOrderIndex1764289800000 } from './1764289800000-list-order-index';
import { LetterFailures1764289900000 } from './1764289900000-letter-failures';
import { OpenCasesIndex1764290000000 } from './1764290000000-open-cases-index';
import { DispatchedOn1764290200000 } from './1764290200000-dispatched-on';
import { ListFilterIndexes1764290100000 } from './1764290100000-list-filter-indexes';
import { PublicPortal1764320000000 } from './1764320000000-public-portal';
import { SupervisionReminders1764340000000 } from './1764340000000-supervision-reminders';
import { Sessions1764340100000 } from './1764340100000-sessions';
import { ReplayJobs1764340200000 } from './1764340200000-replay-jobs';

// Append new migrations here in timestamp order; never edit a committed one.
export const migrations = [
  InitialSchema1764288000000,
  Calendar1764288100000,
  CaseWorkflow1764288200000,
  Notices1764288300000,
  OfficeContacts1764288400000,
  Administration1764288500000,
  Remedies1764288600000,
  NoticeFiles1764288700000,
  AssigneeIndex1764288800000,
  CaseFacts1764288900000,
  CaseSearch1764289100000,
  NoticePdf1764289200000,
  IdempotencyKeys1764289500000,
  OpenDueIndex1764289600000,
  CalendarJobs1764289700000,
  ListOrderIndex1764289800000,
  LetterFailures1764289900000,
  OpenCasesIndex1764290000000,
  ListFilterIndexes1764290100000,
  DispatchedOn1764290200000,
  PublicPortal1764320000000,
  SupervisionReminders1764340000000,
  Sessions1764340100000,
  ReplayJobs1764340200000,
];

import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate } from '../../../libs/time/shanghai';

/**
 * Today in the office's calendar (Asia/Shanghai), as the server counts receipt, issue and delivery
 * days, whatever time zone the browser's machine is set to: a form's default day or a date
 * picker's "not after today" must not be a day behind or ahead of the server's.
 */
export const officeToday = (): Dayjs => dayjs(shanghaiDate(Date.now()));

const MINUTES = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the office's clock showed it (Asia/Shanghai): `YYYY-MM-DD HH:mm`, or with seconds. */
export function officeTime(instant: string | number | Date, seconds = false): string {
  const p = Object.fromEntries(MINUTES.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

import { type ValidationResult, type WorkingDayIndex, parseIsoDate } from '../calendar';
import type { DeadlineEvent, DeadlineInput, Regime, RegimeChoice } from './deadline.types';
import { REGIME_2008_START, REGIME_2019_START, REGIME_RULES, regimeFor } from './regime';

const INPUT_FIELDS = new Set(['receivedOn', 'regime', 'events']);
const EVENT_FIELDS: Record<DeadlineEvent['type'], ReadonlySet<string>> = {
  correction_received: new Set(['type', 'on']),
  paused: new Set(['type', 'from', 'to']),
  extended: new Set(['type', 'days']),
  reasons_requested: new Set(['type', 'on', 'by']),
  later_reply_date: new Set(['type', 'on', 'dueOn']),
};
const EVENT_TYPES = Object.keys(EVENT_FIELDS) as DeadlineEvent['type'][];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return s && s.length > 40 ? `${s.slice(0, 37)}...` : String(s);
}

export interface DeadlineValidationOptions {
  /** prefix of every field name, e.g. '[1]' for the second element of a batch */
  path?: string;
  /** when given, dates must lie inside the calendar range */
  index?: WorkingDayIndex;
}

/**
 * Checks untrusted input (API, CLI) before computeDeadlines. Errors name the field
 * and the rule, e.g. `[1].events[0].on: must be a date YYYY-MM-DD (got "2024-13-01")`.
 * Rules beyond the types: the 2008 Regulations were in force from 2008-05-01; an
 * explicit regime must match the date of receipt; dated events (correction_received.on,
 * paused.from) in date order and not before receipt; pause to >= from; at most one
 * correction (Art. 30: one request listing everything) and one extension (Art. 33).
 */
export function validateDeadlineInput(input: unknown, options: DeadlineValidationOptions = {}): ValidationResult<DeadlineInput> {
  const path = options.path ?? '';
  const at = (f: string) => (path ? `${path}.${f}` : f);
  if (!isRecord(input)) return { ok: false, errors: [`${path || '(input)'}: must be an object {receivedOn, regime?, events?}`] };
  const errors: string[] = [];
  for (const k of Object.keys(input)) if (!INPUT_FIELDS.has(k)) errors.push(`${at(k)}: unknown field`);

  const index = options.index;
  const dateField = (v: unknown, field: string): string | null => {
    const n = parseIsoDate(v);
    if (Number.isNaN(n)) {
      errors.push(`${field}: must be a date YYYY-MM-DD (got ${shown(v)})`);
      return null;
    }
    if (index && !index.contains(n)) {
      errors.push(`${field}: ${v as string} is outside the calendar (${index.fromYear}-01-01 to ${index.toYear}-12-31)`);
      return null;
    }
    return v as string;
  };

  const receivedOn = dateField(input.receivedOn, at('receivedOn'));
  if (receivedOn !== null && receivedOn < REGIME_2008_START) {
    errors.push(`${at('receivedOn')}: ${receivedOn} is before ${REGIME_2008_START}, when the 2008 Regulations came into force`);
  }
  const regimeChoice = input.regime === undefined ? 'auto' : input.regime;
  let regime: Regime | null = null;
  if (regimeChoice !== 'auto' && regimeChoice !== '2008' && regimeChoice !== '2019') {
    errors.push(`${at('regime')}: must be "auto", "2008" or "2019" (got ${shown(input.regime)})`);
  } else if (receivedOn !== null) {
    regime = regimeFor(receivedOn);
    if (regimeChoice !== 'auto' && regimeChoice !== regime) {
      errors.push(
        `${at('regime')}: ${regimeChoice} does not apply to an application received on ${receivedOn} (the 2019 Regulations apply from ${REGIME_2019_START})`,
      );
    }
  }

  const events: DeadlineEvent[] = [];
  if (input.events !== undefined && !Array.isArray(input.events)) {
    errors.push(`${at('events')}: must be an array (got ${shown(input.events)})`);
  } else if (Array.isArray(input.events)) {
    let lastDate = receivedOn ?? '';
    let lastField = at('receivedOn');
    let corrections = 0;
    let extensions = 0;
    let laterDates = 0;
    input.events.forEach((raw: unknown, i: number) => {
      const p = `${at('events')}[${i}]`;
      if (!isRecord(raw)) {
        errors.push(`${p}: must be an object with a type`);
        return;
      }
      const type = raw.type;
      if (!EVENT_TYPES.includes(type as DeadlineEvent['type'])) {
        errors.push(`${p}.type: must be one of ${EVENT_TYPES.map((t) => `"${t}"`).join(', ')} (got ${shown(type)})`);
        return;
      }
      for (const k of Object.keys(raw))
        if (!EVENT_FIELDS[type as DeadlineEvent['type']].has(k)) errors.push(`${p}.${k}: unknown field for a ${String(type)} event`);
      const inOrder = (date: string, field: string) => {
        if (lastDate !== '' && date < lastDate) {
          errors.push(`${field}: ${date} is before ${lastField} ${lastDate} (events must be in date order, after receipt)`);
        } else {
          lastDate = date;
          lastField = field;
        }
      };
      if (type === 'correction_received') {
        if (++corrections === 2)
          errors.push(`${p}: only one correction_received is allowed (Art. 30: one correction request listing everything)`);
        const on = dateField(raw.on, `${p}.on`);
        if (on === null) return;
        inOrder(on, `${p}.on`);
        events.push({ type, on });
      } else if (type === 'paused') {
        const from = dateField(raw.from, `${p}.from`);
        const to = dateField(raw.to, `${p}.to`);
        if (from === null || to === null) return;
        if (to < from) errors.push(`${p}.to: ${to} is before from ${from}`);
        inOrder(from, `${p}.from`);
        events.push({ type, from, to });
      } else if (type === 'reasons_requested' || type === 'later_reply_date') {
        // Art. 35: `by` / `dueOn` must come after `on`
        const endField = type === 'reasons_requested' ? 'by' : 'dueOn';
        if (type === 'later_reply_date' && ++laterDates === 2) errors.push(`${p}: only one later_reply_date is allowed (Art. 35)`);
        const on = dateField(raw.on, `${p}.on`);
        const end = dateField(raw[endField], `${p}.${endField}`);
        if (on === null || end === null) return;
        if (end <= on) errors.push(`${p}.${endField}: ${end} must be after on ${on}`);
        inOrder(on, `${p}.on`);
        events.push(type === 'reasons_requested' ? { type, on, by: end } : { type, on, dueOn: end });
      } else {
        if (++extensions === 2) errors.push(`${p}: only one extension is allowed`);
        const max = REGIME_RULES[regime ?? '2019'].maxExtensionWorkingDays;
        const days = raw.days;
        if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > max)) {
          errors.push(`${p}.days: must be an integer 1-${max}${regime ? ` (${regime} regime)` : ''} (got ${shown(days)})`);
          return;
        }
        events.push(days === undefined ? { type: 'extended' } : { type: 'extended', days });
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { receivedOn: receivedOn as string, regime: regimeChoice as RegimeChoice, events } };
}

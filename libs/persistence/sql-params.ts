import { randomUUID } from 'node:crypto';
import { escapeHtml } from '../documents';

/** Numbered parameters ($1, $2, ...) for a statement assembled from parts by several modules. */
export class SqlParams {
  readonly values: unknown[] = [];

  /**
   * `$n` for the value, cast to `type`: inside CTEs and INSERT ... SELECT PostgreSQL cannot
   * infer a parameter's type from its column, so every parameter names its type.
   */
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * A value the statement itself produces (a serial number from a counter, the audit chain's
 * head), wanted inside texts rendered before the statement runs. The texts carry `token`, a
 * random private-use string that no real text contains; the statement replaces it by the SQL
 * expression of the form the text needs (plain, HTML-escaped, JSON-escaped). `token` is the
 * parameter holding the stand-in text, `from` the CTE the expressions read. A form no text of
 * the statement needs may be left out.
 */
export interface StandIn {
  token: string;
  from: string;
  plain: string;
  html?: string;
  json?: string;
}

/** A fresh stand-in text: private-use delimiters around a UUID, left alone by HTML and JSON escaping. */
export const standInText = (): string => `\uE000${randomUUID()}\uE001`;

/** `text` (an SQL expression) with each stand-in replaced by its value in the given form. */
export function substitute(text: string, standIns: readonly StandIn[], form: 'plain' | 'html' | 'json'): string {
  return standIns.reduce((s, x) => {
    const value = x[form];
    if (value === undefined) throw new Error(`stand-in ${x.from}: no ${form} form given`);
    return `replace(${s}, ${x.token}, ${value})`;
  }, text);
}

/** The CTE names a FROM clause needs for these stand-ins, after `first`, each once. */
export function fromList(first: string, standIns: readonly StandIn[]): string {
  return [...new Set([first, ...standIns.map((x) => x.from)])].join(', ');
}

/** A string as it appears inside a JSON string literal (without the quotes). */
const inJson = (s: string): string => JSON.stringify(s).slice(1, -1);

/**
 * The stand-in for a number the statement assembles from a counter: `head`, the serial (an SQL
 * expression of digits, read from the CTE `from`), then `tail`. The affixes are parameters,
 * escaped for the HTML and JSON forms (digits need no escaping). `forms`: the escaped forms
 * the statement's texts hold; only those are given, as an unused parameter would have no type.
 */
export function serialNumberStandIn(
  p: SqlParams,
  x: { standIn: string; from: string; serial: string; head: string; tail?: string; forms: readonly ('html' | 'json')[] },
): StandIn {
  const affixed = (escape: (s: string) => string) =>
    `${p.add(escape(x.head), 'text')} || ${x.serial}${x.tail === undefined ? '' : ` || ${p.add(escape(x.tail), 'text')}`}`;
  return {
    token: p.add(x.standIn, 'text'),
    from: x.from,
    plain: affixed((s) => s),
    ...(x.forms.includes('html') ? { html: affixed(escapeHtml) } : {}),
    ...(x.forms.includes('json') ? { json: affixed(inJson) } : {}),
  };
}

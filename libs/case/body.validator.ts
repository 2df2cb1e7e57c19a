// Shape checks of the action bodies, shared by the API (400 before anything is
// sent) and the workflow's Update validator (BadRequest). Pure: no Node imports.
import { isIsoDateString } from '../calendar';
import {
  ACTION_NAMES,
  type ActionName,
  CONSULTATION_KINDS,
  CONSULTATION_POSITIONS,
  DELIVERY_METHODS,
  PART_DISPOSITIONS,
  REPLY_KINDS,
  TRIAGE_OUTCOMES,
} from '../contracts/case';
import { WITHHOLDING_GROUNDS } from '../documents/document.types';
import { PROVISION_MEDIA } from './fees';

type Rule =
  | { kind: 'date' }
  | { kind: 'text'; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'amount' }
  | { kind: 'texts'; max: number }
  | { kind: 'object'; fields: Fields }
  | { kind: 'objects'; fields: Fields; max: number };
type Field = Rule & { optional?: boolean };
type Fields = Record<string, Field>;

const date: Rule = { kind: 'date' };
const text = (max = 2000): Rule => ({ kind: 'text', max });
const oneOf = (values: readonly string[]): Rule => ({ kind: 'enum', values });
const bool: Rule = { kind: 'bool' };
const opt = (r: Rule): Field => ({ ...r, optional: true });
const comment = opt(text());
const decision: Fields = { approve: bool, comment };

const SCHEMAS: Record<ActionName, Fields> = {
  'confirm-receipt': { receivedOn: date, comment },
  triage: { outcome: oneOf(TRIAGE_OUTCOMES), otherOrgan: opt(text(200)), comment },
  'request-correction': {
    items: { kind: 'texts', max: 50 },
    periodDays: opt({ kind: 'int', min: 1, max: 60 }),
    deliveredOn: opt(date),
    comment,
  },
  'receive-correction': { receivedOn: date, comment },
  assign: { assignee: text(64), department: opt(text(64)), comment },
  'record-search': { summary: text(), found: opt(bool), comment },
  'start-consultation': {
    kind: oneOf(CONSULTATION_KINDS),
    party: text(200),
    sentOn: date,
    deliveredOn: opt(date),
    information: opt(text(500)),
    comment,
  },
  'receive-consultation-reply': { receivedOn: date, position: oneOf(CONSULTATION_POSITIONS), reasons: opt(text()), comment },
  'request-extension': { reason: text(), comment },
  'decide-extension': decision,
  'draft-decision': {
    replyKind: oneOf(REPLY_KINDS),
    reasons: text(5000),
    parts: opt({
      kind: 'objects',
      max: 100,
      fields: {
        description: text(500),
        disposition: oneOf(PART_DISPOSITIONS),
        ground: opt(oneOf(WITHHOLDING_GROUNDS)),
        explanation: opt(text(1000)),
      },
    }),
    provision: opt({ kind: 'object', fields: { form: text(100), method: text(100), medium: opt(oneOf(PROVISION_MEDIA)) } }),
    otherOrgan: opt(text(200)),
    otherOrganContact: opt(text(300)),
    otherOrganUndetermined: opt(bool),
    publicInterest: opt(text(2000)),
    // The amount is computed from basis and count (never typed in): an `amount` is not an allowed field.
    // count: pages per volume; per application the API counts the applicant's applications in the month.
    fee: opt({
      kind: 'object',
      fields: { basis: oneOf(['per-application', 'per-volume']), count: opt({ kind: 'int', min: 1, max: 100000 }) },
    }),
    previous: opt({
      kind: 'object',
      fields: { applicationNumber: text(64), repliedOn: date, noticeNumber: opt(text(64)) },
    }),
    specialRoute: opt({ kind: 'object', fields: { recordType: text(100), law: text(200), route: text(500) } }),
    requestVolume: opt(text(500)),
    publication: opt({ kind: 'object', fields: { name: text(200), whereToGet: text(500) } }),
    comment,
  },
  'review-confidentiality': decision,
  'approve-decision': decision,
  'issue-notice': { comment },
  'reissue-notice': { comment },
  'record-correction-reason': { reason: text(), extraDays: { kind: 'int', min: 1, max: 60 }, comment },
  'record-delivery': { method: oneOf(DELIVERY_METHODS), on: date, comment },
  withdraw: { on: date, reason: opt(text()), comment },
  'confirm-petition': decision,
  'record-payment': { paidOn: date, comment },
  'request-reasons': { sentOn: date, periodDays: { kind: 'int', min: 1, max: 60 }, requestVolume: opt(text(500)), comment },
  'receive-reasons': { receivedOn: date, reasonable: bool, replyBy: opt(date), comment },
};

/** Facts a reply kind cannot do without (its letter names them): field -> the rule's wording. */
const REQUIRED_FOR_KIND: Readonly<Partial<Record<string, readonly [string, string][]>>> = {
  repeated: [['previous', 'a repeated reply (Art. 36(6): the earlier application and the day it was answered)']],
  'special-route': [['specialRoute', 'a special-route reply (Art. 36(7): the law that sets the route and where to go)']],
  publication: [['publication', 'a publication reply (Art. 39(2): the publication and where to get it)']],
};
/** Facts that belong to one reply kind only. */
const ONLY_FOR_KIND: Readonly<Record<string, string>> = {
  previous: 'repeated',
  specialRoute: 'special-route',
  requestVolume: 'excessive',
  publication: 'publication',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

function checkFields(value: unknown, fields: Fields, path: string, out: string[]): void {
  if (!isObject(value)) {
    out.push(`${path}: must be an object`);
    return;
  }
  for (const key of Object.keys(value)) if (!(key in fields)) out.push(`${path}.${key}: is not an allowed field`);
  for (const [key, rule] of Object.entries(fields)) {
    const v = value[key];
    const p = `${path}.${key}`;
    if (v === undefined || v === null) {
      if (!rule.optional) out.push(`${p}: is required`);
      continue;
    }
    checkRule(v, rule, p, out);
  }
}

function checkRule(v: unknown, rule: Rule, p: string, out: string[]): void {
  switch (rule.kind) {
    case 'date':
      if (!isIsoDateString(v)) out.push(`${p}: must be a date YYYY-MM-DD`);
      return;
    case 'text':
      if (!isText(v, rule.max)) out.push(`${p}: must be a non-empty string of at most ${rule.max} characters`);
      return;
    case 'enum':
      if (typeof v !== 'string' || !rule.values.includes(v)) out.push(`${p}: must be one of ${rule.values.join(', ')}`);
      return;
    case 'bool':
      if (typeof v !== 'boolean') out.push(`${p}: must be true or false`);
      return;
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < rule.min || v > rule.max)
        out.push(`${p}: must be an integer from ${rule.min} to ${rule.max}`);
      return;
    case 'amount':
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || Math.round(v * 100) !== v * 100)
        out.push(`${p}: must be a positive amount in CNY with at most 2 decimals`);
      return;
    case 'texts':
      if (!Array.isArray(v) || v.length === 0 || v.length > rule.max || !v.every((s) => isText(s, 1000)))
        out.push(`${p}: must be a list of 1 to ${rule.max} non-empty strings`);
      return;
    case 'object':
      checkFields(v, rule.fields, p, out);
      return;
    case 'objects':
      if (!Array.isArray(v) || v.length === 0 || v.length > rule.max) {
        out.push(`${p}: must be a list of 1 to ${rule.max} items`);
        return;
      }
      v.forEach((item, i) => checkFields(item, rule.fields, `${p}[${i}]`, out));
      return;
  }
}

export const isActionName = (v: unknown): v is ActionName => typeof v === 'string' && (ACTION_NAMES as readonly string[]).includes(v);

/**
 * The problems of one action body, each `body.field: rule`; empty when the shape is
 * right. Rules that need the case (dates against the receipt day, the state) are
 * checked by checkAction.
 */
export function validateActionBody(action: ActionName, body: unknown): string[] {
  const out: string[] = [];
  checkFields(body, SCHEMAS[action], 'body', out);
  if (out.length) return out;
  if (action === 'receive-reasons') {
    const r = body as { reasonable: boolean; replyBy?: string };
    if (!r.reasonable && r.replyBy !== undefined)
      out.push('body.replyBy: only reasons found reasonable get a later reply day (Art. 35); leave it out when reasonable is false');
    return out;
  }
  if (action !== 'draft-decision') return out;
  // Cross-field rules of a reply (Art. 36, 37).
  const b = body as { replyKind: string; parts?: { disposition: string; ground?: string; explanation?: string }[] } & Record<
    string,
    unknown
  >;
  // The reply kind and its parts agree: disclose releases every part listed, refuse withholds
  // every part (at least one, each with its ground), partial has at least one of each.
  const parts = b.parts ?? [];
  if (b.replyKind === 'partial') {
    if (!parts.some((x) => x.disposition === 'disclose') || !parts.some((x) => x.disposition === 'withhold'))
      out.push('body.parts: a partial disclosure (Art. 37) lists at least one part disclosed and one withheld');
  } else if (b.replyKind === 'refuse') {
    if (parts.length === 0) out.push('body.parts: a refusal lists the parts withheld, each with its ground (Art. 36(3))');
    parts.forEach((x, i) => {
      if (x.disposition !== 'withhold') out.push(`body.parts[${i}].disposition: a refusal withholds every part; use replyKind partial`);
    });
  } else if (b.replyKind === 'disclose') {
    parts.forEach((x, i) => {
      if (x.disposition !== 'disclose') out.push(`body.parts[${i}].disposition: a disclosure releases every part; use replyKind partial`);
    });
  }
  b.parts?.forEach((x, i) => {
    if (x.disposition === 'withhold' && !x.ground)
      out.push(`body.parts[${i}].ground: a withheld part names its ground from the list (GET /api/reference/withholding-grounds)`);
    if (x.disposition === 'disclose' && (x.ground !== undefined || x.explanation !== undefined))
      out.push(`body.parts[${i}]: a disclosed part has no ground or explanation`);
  });
  for (const [field, what] of REQUIRED_FOR_KIND[b.replyKind] ?? [])
    if (b[field] == null) out.push(`body.${field}: is required for ${what}`);
  for (const [field, kind] of Object.entries(ONLY_FOR_KIND))
    if (b[field] != null && b.replyKind !== kind) out.push(`body.${field}: is only for replyKind ${kind}, not ${b.replyKind}`);
  if (b.replyKind === 'petition') out.push('body.replyKind: a petition reply is made by confirm-petition, not drafted');
  return out;
}

// ---------------------------------------------------------------------------
// The same shapes as JSON Schema, for the OpenAPI document (so the generated client and the
// workbench's forms are typed by the rules that check the bodies, not by a second copy).

type JsonSchema = Record<string, unknown>;

function ruleSchema(rule: Rule): JsonSchema {
  switch (rule.kind) {
    case 'date':
      return { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: rule.max };
    case 'enum':
      return { type: 'string', enum: [...rule.values] };
    case 'bool':
      return { type: 'boolean' };
    case 'int':
      return { type: 'integer', minimum: rule.min, maximum: rule.max };
    case 'amount':
      return { type: 'number', exclusiveMinimum: 0, multipleOf: 0.01, description: 'CNY' };
    case 'texts':
      return { type: 'array', minItems: 1, maxItems: rule.max, items: { type: 'string', minLength: 1, maxLength: 1000 } };
    case 'object':
      return fieldsSchema(rule.fields);
    case 'objects':
      return { type: 'array', minItems: 1, maxItems: rule.max, items: fieldsSchema(rule.fields) };
  }
}

function fieldsSchema(fields: Fields): JsonSchema {
  const required = Object.entries(fields)
    .filter(([, f]) => !f.optional)
    .map(([k]) => k);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, ruleSchema(f)])),
    ...(required.length ? { required } : {}),
  };
}

/**
 * The JSON Schema of an action's body (the shape validateActionBody checks). A draft's fields that
 * belong to some reply kinds only carry `x-reply-kinds` (the kinds they belong to) and
 * `x-required-for-reply-kinds` (the kinds that need them), from the same tables the validator uses.
 */
export function actionBodySchema(action: ActionName): JsonSchema {
  const schema = fieldsSchema(SCHEMAS[action]);
  if (action !== 'draft-decision') return schema;
  const props = schema.properties as Record<string, JsonSchema>;
  for (const [field, kind] of Object.entries(ONLY_FOR_KIND)) props[field] = { ...props[field], 'x-reply-kinds': [kind] };
  for (const [kind, needs] of Object.entries(REQUIRED_FOR_KIND))
    for (const [field] of needs ?? []) {
      const p = props[field];
      p['x-required-for-reply-kinds'] = [...((p['x-required-for-reply-kinds'] as string[] | undefined) ?? []), kind];
    }
  return schema;
}

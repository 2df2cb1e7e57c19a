// renderNotice: case facts + template -> a structured notice (title, paragraphs, citations, text).
// Pure and deterministic; the HTML/DOCX/PDF renderers only lay out what this returns.
import { dedupeCitations, formatCitationList, renderCitation } from './citation.util';
import { regimeFor } from '../deadline/regime';
import { assertIsoDate, chineseDate, chineseOrdinal } from './chinese-text.util';
import { NoticeInputError } from './document.errors';
import type {
  Citation,
  FieldSpec,
  FieldValue,
  LetterKind,
  NoticeInput,
  NoticeTemplate,
  OfficeProfile,
  Regime,
  RenderedNotice,
  RenderedParagraph,
  WithheldPart,
} from './document.types';
import { fillPlaceholders, listPlaceholders, PlaceholderError } from './placeholder.engine';
import { chooseRemedy } from './remedy-rules.data';
import { getTemplate } from './templates/notice-template.registry';
import { assertValidTemplate } from './templates/notice-template.validator';
import { WITHHOLDING_GROUNDS_BY_REGIME, withholdingGroundProblem } from './withholding-grounds.data';

const DEFAULT_COURT = '有管辖权的人民法院';

/** Free text from a clerk: trimmed, CRLF normalised, and without a final 。 (templates add their own). */
function clause(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/[。．.]+$/u, '');
}

/**
 * Whether a value can stand in a letter: text with something left once trimmed and stripped of
 * its final 。 (what the letter prints). Every letter names the applicant and the request, so the
 * API refuses a submission without them (apps/api/applications/application.dto.ts).
 */
export function isLetterText(value: unknown): value is string {
  return typeof value === 'string' && clause(value) !== '';
}

export function officeContactLine(office: OfficeProfile): string {
  const parts: string[] = [];
  if (office.contactPerson) parts.push(`联系人：${office.contactPerson}`);
  if (office.phone) parts.push(`联系电话：${office.phone}`);
  if (office.address) parts.push(`通信地址：${office.address}${office.postcode ? `（邮政编码：${office.postcode}）` : ''}`);
  return parts.join('；');
}

interface ItemScope {
  field: string;
  items: readonly Record<string, string>[];
}

export function renderNotice(input: NoticeInput): RenderedNotice {
  const template = input.template ?? getTemplate(input.kind, input.regime);
  assertValidTemplate(template);
  if (template.kind !== input.kind || template.regime !== input.regime) {
    throw new NoticeInputError(`Template ${template.id} does not fit a ${input.kind} letter under the ${input.regime} regime`);
  }
  assertIsoDate(input.noticeDate, 'noticeDate');
  assertIsoDate(input.application.receivedOn, 'application.receivedOn');
  if (input.noticeDate < input.application.receivedOn) {
    throw new NoticeInputError(`noticeDate ${input.noticeDate} is before the receipt date ${input.application.receivedOn}`);
  }
  // The regime follows the date of receipt (legal-rules.md section 1); a mismatch would cite the wrong law.
  if (regimeFor(input.application.receivedOn) !== input.regime) {
    throw new NoticeInputError(
      `An application received on ${input.application.receivedOn} is under the ${regimeFor(input.application.receivedOn)} regime, not ${input.regime}`,
    );
  }
  for (const [name, value] of [
    ['noticeNumber', input.noticeNumber],
    ['office.name', input.office.name],
    ['applicant.name', input.applicant.name],
    ['application.number', input.application.number],
    ['application.request', input.application.request],
  ] as const) {
    if (!isLetterText(value)) throw new NoticeInputError(`${name} is required`);
  }

  const { values, lists, extraCitations } = fieldValues(template, input);
  const staticCitations = templateCitationsForInput(template, input);
  const common: Record<string, string> = {
    officeName: input.office.name.trim(),
    noticeNumber: input.noticeNumber.trim(),
    noticeDate: chineseDate(input.noticeDate),
    applicantName: input.applicant.name.trim(),
    pronoun: input.applicant.type === 'legal_person' ? '你单位' : '您',
    applicationNumber: input.application.number.trim(),
    receivedOn: chineseDate(input.application.receivedOn),
    request: clause(input.application.request),
    basis: staticCitations.length > 0 ? formatCitationList(staticCitations) : '',
  };
  const contact = officeContactLine(input.office);
  if (contact) common.officeContact = contact;
  const all: Record<string, string> = { ...common, ...values };
  const present = (name: string) => (lists.has(name) ? (lists.get(name)?.items.length ?? 0) > 0 : Boolean(all[name]));

  const remedy = chooseRemedy(template.remedies, input.noticeDate);
  const paragraphs: RenderedParagraph[] = [];
  for (const [index, p] of template.paragraphs.entries()) {
    const context = `${template.id} paragraph ${index + 1}`;
    if ('slot' in p) {
      if (!remedy) continue;
      const organ =
        remedy.period.organ === 'legacy'
          ? (input.office.legacyReconsiderationOrgan ?? input.office.reconsiderationOrgan)
          : input.office.reconsiderationOrgan;
      if (!organ?.trim()) throw new NoticeInputError('office.reconsiderationOrgan is required for a letter with remedies');
      // legal-rules.md section 7: an office is never named as the organ that reviews its own act.
      if (organ.trim() === input.office.name.trim())
        throw new NoticeInputError(
          `office.reconsiderationOrgan: ${organ.trim()} is the office itself; an office never reviews its own act`,
        );
      const text = fillPlaceholders(
        remedy.remedy.text,
        {
          pronoun: common.pronoun,
          noun: template.noun,
          reconsiderationOrgan: organ.trim(),
          court: input.office.court?.trim() || DEFAULT_COURT,
        },
        { context: `${remedy.period.id}.${remedy.variant}` },
      );
      paragraphs.push({ role: 'remedies', text });
      continue;
    }
    if (p.when !== undefined && !present(p.when)) continue;
    if (p.unless !== undefined && present(p.unless)) continue;
    const role = p.role ?? 'body';
    if (p.each !== undefined) {
      const scope = lists.get(p.each);
      for (const item of scope?.items ?? []) {
        paragraphs.push({ role, text: fill(p.text, { ...all, ...item }, template, context) });
      }
      continue;
    }
    paragraphs.push({ role, text: fill(p.text, all, template, context) });
  }

  const citations = dedupeCitations([...staticCitations, ...extraCitations, ...(remedy?.remedy.citations ?? [])]).map(renderCitation);
  const addressee = fill(template.addressee, all, template, `${template.id} addressee`);
  const title = fill(template.title, all, template, `${template.id} title`);
  const dateText = chineseDate(input.noticeDate);
  const officeName = common.officeName;
  const text = [title, common.noticeNumber, '', `${addressee}：`, ...paragraphs.map((p) => p.text), '', officeName, dateText, ''].join(
    '\n',
  );

  return {
    templateId: template.id,
    templateVersion: template.version,
    kind: template.kind,
    regime: template.regime,
    title,
    noticeNumber: common.noticeNumber,
    noticeDate: input.noticeDate,
    dateText,
    officeName,
    addressee,
    paragraphs,
    citations,
    remedy: remedy ? { period: remedy.period.id, variant: remedy.variant } : null,
    text,
  };
}

/**
 * Why the case facts `fields` (and `reasons`) cannot fill the `kind` letter under `regime`, or null
 * when they can: the same field checks renderNotice makes (required fields, their types, each
 * withheld part's ground and citations), run on the bundled template (or `template`) before
 * anything is issued. Applicant, application and office facts are not part of it.
 */
export function letterFieldsProblem(
  kind: LetterKind,
  regime: Regime,
  fields: Readonly<Record<string, FieldValue>>,
  template?: NoticeTemplate,
): string | null {
  try {
    const t = template ?? getTemplate(kind, regime);
    fieldValues(t, { kind, regime, fields } as NoticeInput);
    return null;
  } catch (err) {
    if (err instanceof Error) return err.message;
    throw err;
  }
}

/** Fills a paragraph; an optional value that was not given is an error naming it, not a gap. */
function fill(text: string, values: Record<string, string>, template: NoticeTemplate, context: string): string {
  for (const name of listPlaceholders(text)) {
    if (Object.prototype.hasOwnProperty.call(values, name) && values[name] === '') {
      throw new PlaceholderError(`{{${name}}} has no value in ${context}`, name);
    }
    if (!Object.prototype.hasOwnProperty.call(values, name) && template.fields.some((f) => f.name === name)) {
      throw new PlaceholderError(`{{${name}}} has no value in ${context} (optional field "${name}" was not given)`, name);
    }
  }
  return fillPlaceholders(text, values, { context });
}

function templateCitationsForInput(template: NoticeTemplate, input: NoticeInput): Citation[] {
  // Only the chosen option of a choice field is cited, not every option.
  const chosen = template.fields.flatMap((f) => {
    if (f.type !== 'choice') return [];
    const value = input.fields?.[f.name];
    return typeof value === 'string' && f.options[value] ? f.options[value].citations : [];
  });
  return dedupeCitations([...template.citations, ...chosen]);
}

function fieldValues(
  template: NoticeTemplate,
  input: NoticeInput,
): { values: Record<string, string>; lists: Map<string, ItemScope>; extraCitations: Citation[] } {
  const given: Record<string, FieldValue | undefined> = { ...(input.fields ?? {}) };
  if (input.reasons !== undefined) {
    if (given.reasons !== undefined) throw new NoticeInputError('reasons given twice (input.reasons and fields.reasons)');
    given.reasons = input.reasons;
  }
  const declared = new Set(template.fields.map((f) => f.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name) && !(name === 'reasons' && given[name] === '')) {
      throw new NoticeInputError(`Field "${name}" is not used by template ${template.id} (fields: ${[...declared].join(', ') || 'none'})`);
    }
  }

  const values: Record<string, string> = {};
  const lists = new Map<string, ItemScope>();
  const extraCitations: Citation[] = [];
  for (const f of template.fields) {
    const raw = given[f.name];
    const missing = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (missing) {
      if (f.required) throw new NoticeInputError(`${template.id}: field "${f.name}" (${f.label}) is required`);
      if (f.type !== 'list' && f.type !== 'withheld') values[f.name] = '';
      continue;
    }
    const bad = (why: string) => new NoticeInputError(`${template.id}: field "${f.name}" (${f.label}) ${why}`);
    switch (f.type) {
      case 'text':
        if (typeof raw !== 'string') throw bad('must be text');
        values[f.name] = clause(raw);
        if (!values[f.name]) throw bad('is empty');
        break;
      case 'date':
        if (typeof raw !== 'string') throw bad('must be an ISO date');
        assertIsoDate(raw, `${template.id}: field "${f.name}"`);
        values[f.name] = chineseDate(raw);
        break;
      case 'integer':
        if (typeof raw !== 'number' || !Number.isInteger(raw)) throw bad('must be an integer');
        if ((f.min !== undefined && raw < f.min) || (f.max !== undefined && raw > f.max)) {
          throw bad(`must be between ${f.min ?? '-'} and ${f.max ?? '-'}, got ${raw}`);
        }
        values[f.name] = String(raw);
        break;
      case 'choice':
        if (typeof raw !== 'string' || !f.options[raw]) throw bad(`must be one of ${Object.keys(f.options).join(', ')}`);
        values[f.name] = f.options[raw].text;
        break;
      case 'list':
        if (!Array.isArray(raw) || !raw.every((s): s is string => typeof s === 'string' && clause(s) !== '')) {
          throw bad('must be a list of non-empty texts');
        }
        lists.set(f.name, {
          field: f.name,
          items: raw.map((s: string, i) => ({ 'item.no': chineseOrdinal(i + 1), 'item.text': clause(s) })),
        });
        break;
      case 'withheld': {
        if (!Array.isArray(raw)) throw bad('must be a list of withheld parts');
        const items = (raw as readonly unknown[]).map((w, i) => withheldItem(template, f, w, i, extraCitations));
        lists.set(f.name, { field: f.name, items });
        break;
      }
    }
  }
  return { values, lists, extraCitations };
}

function withheldItem(template: NoticeTemplate, f: FieldSpec, w: unknown, i: number, citations: Citation[]): Record<string, string> {
  const part = w as Partial<WithheldPart> | null;
  const where = `${template.id}: ${f.name}[${i}]`;
  if (!part || typeof part.part !== 'string' || !clause(part.part) || typeof part.reason !== 'string' || !clause(part.reason)) {
    throw new NoticeInputError(`${where} needs a non-empty part and reason`);
  }
  const problem = withholdingGroundProblem(part.ground, template.regime, template.kind);
  if (problem) throw new NoticeInputError(`${where}: ${problem}`);
  const ground = WITHHOLDING_GROUNDS_BY_REGIME[template.regime][part.ground!]!;
  citations.push(...ground.citations);
  return {
    'item.no': chineseOrdinal(i + 1),
    'item.part': clause(part.part),
    'item.reason': clause(part.reason),
    'item.groundText': ground.text,
    'item.basis': formatCitationList(ground.citations),
  };
}

// Checks a template (bundled, or an administrator's new version) before it may be used:
// every citation exists in its law's table and belongs to the template's regime, every
// placeholder is known, the remedies slot matches the remedies rule.
import { citationProblem } from '../citation.util';
import { LETTER_KINDS, type Citation, type FieldSpec, type NoticeTemplate } from '../document.types';
import { ogiLawOf } from '../law-articles.data';
import { listPlaceholders } from '../placeholder.engine';

/** Placeholders the renderer always provides. */
export const COMMON_PLACEHOLDERS = [
  'officeName',
  'noticeNumber',
  'noticeDate',
  'applicantName',
  'pronoun',
  'applicationNumber',
  'receivedOn',
  'request',
  'basis',
] as const;
/** Placeholders the renderer provides when the office configuration has them. */
export const OPTIONAL_COMMON_PLACEHOLDERS = ['officeContact'] as const;

export const ITEM_PLACEHOLDERS: Readonly<Record<'list' | 'withheld', readonly string[]>> = {
  list: ['item.no', 'item.text'],
  withheld: ['item.no', 'item.part', 'item.reason', 'item.groundText', 'item.basis'],
};

export function templateCitations(t: NoticeTemplate): Citation[] {
  const fromOptions = t.fields.flatMap((f) => (f.type === 'choice' ? Object.values(f.options).flatMap((o) => o.citations) : []));
  return [...t.citations, ...fromOptions];
}

export function validateTemplate(t: NoticeTemplate): string[] {
  const problems: string[] = [];
  const at = (what: string) => `${t.id}: ${what}`;

  if (!(LETTER_KINDS as readonly string[]).includes(t.kind)) problems.push(at(`unknown kind "${t.kind}"`));
  if (t.regime !== '2008' && t.regime !== '2019') problems.push(at(`unknown regime "${String(t.regime)}"`));
  if (t.id !== `${t.kind}.${t.regime}`) problems.push(at(`id must be "${t.kind}.${t.regime}"`));
  if (!Number.isInteger(t.version) || t.version < 1) problems.push(at('version must be a positive integer'));
  if (!t.title.trim()) problems.push(at('empty title'));

  const ownOgi = ogiLawOf(t.regime);
  for (const c of templateCitations(t)) {
    const problem = citationProblem(c);
    if (problem) problems.push(at(problem));
    if ((c.law === 'ogi-2008' || c.law === 'ogi-2019') && c.law !== ownOgi) {
      problems.push(at(`cites ${c.law} but the template is for the ${t.regime} regime`));
    }
  }

  const fields = new Map<string, FieldSpec>();
  for (const f of t.fields) {
    if (fields.has(f.name)) problems.push(at(`field "${f.name}" declared twice`));
    if ([...COMMON_PLACEHOLDERS, ...OPTIONAL_COMMON_PLACEHOLDERS].includes(f.name as never)) {
      problems.push(at(`field "${f.name}" shadows a common placeholder`));
    }
    fields.set(f.name, f);
  }
  const isOptional = (name: string) =>
    (OPTIONAL_COMMON_PLACEHOLDERS as readonly string[]).includes(name) || fields.get(name)?.required === false;
  const isKnown = (name: string) =>
    (COMMON_PLACEHOLDERS as readonly string[]).includes(name) ||
    (OPTIONAL_COMMON_PLACEHOLDERS as readonly string[]).includes(name) ||
    fields.has(name);

  const check = (text: string, where: string, each?: FieldSpec, when?: string) => {
    let names: string[];
    try {
      names = listPlaceholders(text);
    } catch (e) {
      problems.push(at(`${where}: ${(e as Error).message}`));
      return;
    }
    for (const name of names) {
      if (name.startsWith('item.')) {
        const allowed = each && (each.type === 'list' || each.type === 'withheld') ? ITEM_PLACEHOLDERS[each.type] : [];
        if (!allowed.includes(name)) problems.push(at(`${where}: {{${name}}} outside a matching "each" paragraph`));
        continue;
      }
      const field = fields.get(name);
      if (!isKnown(name)) problems.push(at(`${where}: unknown placeholder {{${name}}}`));
      else if (field && (field.type === 'list' || field.type === 'withheld')) {
        problems.push(at(`${where}: list field {{${name}}} can only be used through "each"`));
      } else if (isOptional(name) && when === undefined) {
        problems.push(at(`${where}: optional {{${name}}} used in a paragraph without "when"`));
      }
    }
  };

  check(t.title, 'title');
  check(t.addressee, 'addressee');
  let slots = 0;
  t.paragraphs.forEach((p, i) => {
    const where = `paragraph ${i + 1}`;
    if ('slot' in p) {
      slots += 1;
      return;
    }
    for (const ref of [p.when, p.unless]) {
      if (ref !== undefined && !isKnown(ref)) problems.push(at(`${where}: condition on unknown value "${ref}"`));
    }
    let each: FieldSpec | undefined;
    if (p.each !== undefined) {
      each = fields.get(p.each);
      if (!each || (each.type !== 'list' && each.type !== 'withheld')) {
        problems.push(at(`${where}: "each" needs a list or withheld field, got "${p.each}"`));
      }
    }
    check(p.text, where, each, p.when);
  });
  if (t.remedies === 'none' && slots > 0) problems.push(at('remedies slot present but the remedies rule is "none"'));
  if (t.remedies !== 'none' && slots !== 1) problems.push(at(`needs exactly one remedies slot, found ${slots}`));
  return problems;
}

export function assertValidTemplate(t: NoticeTemplate): void {
  const problems = validateTemplate(t);
  if (problems.length > 0) throw new Error(`Invalid notice template:\n${problems.join('\n')}`);
}

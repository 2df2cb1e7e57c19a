// The bundled templates, looked up by letter kind and regime.
import type { LetterKind, NoticeTemplate, Regime } from '../document.types';
import { KINDS_WITHOUT_2008_TEMPLATE, TEMPLATES_2008 } from './notice-templates-2008.data';
import { TEMPLATES_2019 } from './notice-templates-2019.data';

export { KINDS_WITHOUT_2008_TEMPLATE };

export const BUNDLED_TEMPLATES: readonly NoticeTemplate[] = [...TEMPLATES_2019, ...TEMPLATES_2008];

export const templateIdOf = (kind: LetterKind, regime: Regime): string => `${kind}.${regime}`;

const BY_ID = new Map(BUNDLED_TEMPLATES.map((t) => [t.id, t]));

export function findTemplate(kind: LetterKind, regime: Regime): NoticeTemplate | undefined {
  return BY_ID.get(templateIdOf(kind, regime));
}

/** The bundled template, or an error that says what a case of that regime does instead. */
export function getTemplate(kind: LetterKind, regime: Regime): NoticeTemplate {
  const template = findTemplate(kind, regime);
  if (template) return template;
  const instead = regime === '2008' ? KINDS_WITHOUT_2008_TEMPLATE[kind] : undefined;
  throw new Error(`No ${regime} template for "${kind}"${instead ? `: ${instead}` : ''}`);
}

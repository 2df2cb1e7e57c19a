// Formats citations as Chinese legal references and checks them against the article tables.
import { chineseNumber } from './chinese-text.util';
import type { Citation, RenderedCitation } from './document.types';
import { LAW_TABLES } from './law-articles.data';

/** Why a citation does not exist in its law's table, or null when it does. */
export function citationProblem(c: Citation): string | null {
  const law = LAW_TABLES[c.law];
  if (!law) return `unknown law "${String(c.law)}"`;
  if (c.article === undefined) {
    return c.paragraph !== undefined || c.item !== undefined ? `${c.law}: paragraph or item without an article` : null;
  }
  const entry = law.articles[c.article];
  if (!entry) return `${c.law} has no Art. ${c.article} in its table`;
  if (c.paragraph !== undefined && !(c.paragraph >= 1 && c.paragraph <= (entry.paragraphs ?? 1))) {
    return `${c.law} Art. ${c.article} has no paragraph ${c.paragraph}`;
  }
  if (c.item !== undefined) {
    if (!entry.items?.[c.item]) return `${c.law} Art. ${c.article} has no item ${c.item}`;
    const itemsIn = entry.itemsInParagraph ?? 1;
    if ((entry.paragraphs ?? 1) > 1 && c.paragraph !== itemsIn) {
      return `${c.law} Art. ${c.article} item ${c.item} must name paragraph ${itemsIn}`;
    }
  }
  return null;
}

export function assertCitation(c: Citation): void {
  const problem = citationProblem(c);
  if (problem) throw new Error(`Invalid citation: ${problem}`);
}

/** 第三十六条第（三）项 / 第十六条第二款 — the part after the law's title. */
function articleText(c: Citation): string {
  return c.article === undefined ? '' : `第${chineseNumber(c.article)}条${paragraphAndItem(c)}`;
}

function paragraphAndItem(c: Citation): string {
  let s = c.paragraph !== undefined ? `第${chineseNumber(c.paragraph)}款` : '';
  if (c.item !== undefined) s += `第（${chineseNumber(c.item)}）项`;
  return s;
}

function lawTitle(c: Citation): string {
  const law = LAW_TABLES[c.law];
  return law.documentNumber ? `《${law.title}》（${law.documentNumber}）` : `《${law.title}》`;
}

export function formatCitation(c: Citation): string {
  assertCitation(c);
  return lawTitle(c) + articleText(c);
}

/**
 * Joins citations the way letters write them: consecutive articles of one law share its title,
 * 《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十四条. Duplicates are dropped.
 */
export function formatCitationList(citations: readonly Citation[]): string {
  const unique = dedupeCitations(citations);
  const parts: string[] = [];
  let previous: Citation | null = null;
  for (const c of unique) {
    assertCitation(c);
    const sameLaw = previous !== null && previous.law === c.law && c.article !== undefined;
    const sameArticle =
      previous !== null && sameLaw && previous.article === c.article && c.paragraph !== undefined && previous.paragraph !== c.paragraph;
    if (sameArticle) {
      // 第二十四条第二款、第三款: the article is not repeated for its next paragraph.
      parts.push(paragraphAndItem(c));
    } else {
      parts.push(sameLaw ? articleText(c) : lawTitle(c) + articleText(c));
    }
    previous = c;
  }
  return parts.join('、');
}

export const citationKey = (c: Citation): string => `${c.law}:${c.article ?? ''}:${c.paragraph ?? ''}:${c.item ?? ''}`;

export function dedupeCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = citationKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function renderCitation(c: Citation): RenderedCitation {
  const summary = c.article === undefined ? undefined : LAW_TABLES[c.law].articles[c.article]?.title;
  return { ...c, text: formatCitation(c), ...(summary ? { summary } : {}) };
}

// Public API of the document layer: reply notices and letters, from case facts to HTML/DOCX/PDF.
export * from './document.types';
export { NoticeInputError, OfficeMismatchError } from './document.errors';
export { chineseDate, chineseNumber, chineseOrdinal } from './chinese-text.util';
export { LAW_TABLES, ogiLawOf } from './law-articles.data';
export { citationProblem, formatCitation, formatCitationList } from './citation.util';
export {
  WITHHOLDING_GROUNDS_BY_REGIME,
  annualReportRowOf,
  withholdingGroundProblem,
  withholdingGroundsOf,
} from './withholding-grounds.data';
export { REMEDY_PERIODS, chooseRemedy, type ChosenRemedy, type RemedyPeriod } from './remedy-rules.data';
export { PlaceholderError, escapeHtml, fillPlaceholders, listPlaceholders } from './placeholder.engine';
export {
  BUNDLED_TEMPLATES,
  KINDS_WITHOUT_2008_TEMPLATE,
  findTemplate,
  getTemplate,
  templateIdOf,
} from './templates/notice-template.registry';
export { COMMON_PLACEHOLDERS, assertValidTemplate, validateTemplate } from './templates/notice-template.validator';
export { isLetterText, letterFieldsProblem, officeContactLine, renderNotice } from './notice.renderer';
export { toHtml } from './notice-html.renderer';
export { toDocx } from './notice-docx.renderer';
export { PdfRenderError, toPdf, type PdfOptions } from './notice-pdf.renderer';
export { docxText } from './docx-text.util';
export { contentHash } from './content-hash.util';
export { formatNoticeNumber, noticeNumberAffixes, parseNoticeNumber, type NoticeNumberParts } from './notice-number.util';

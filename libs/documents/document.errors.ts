// Errors of the document layer, so callers (API, activities) can map them to 4xx vs 5xx.
import type { OfficeProfile, RenderedNotice } from './document.types';

/** The case data does not fit the template (missing or malformed field, unknown ground). */
export class NoticeInputError extends Error {
  override name = 'NoticeInputError';
}

export class OfficeMismatchError extends Error {
  override name = 'OfficeMismatchError';
}

/** A notice is rendered for one office; laying it out under another would misattribute it. */
export function assertSameOffice(rendered: RenderedNotice, office: Pick<OfficeProfile, 'name'>): void {
  if (office.name.trim() !== rendered.officeName) {
    throw new OfficeMismatchError(`Notice ${rendered.noticeNumber} belongs to ${rendered.officeName}, not ${office.name}`);
  }
}

// What the notices API uses of libs/documents, including the sample case of a template preview.
import { fixtureInput } from '../../../libs/documents/testing/notice-fixtures';
import type { LetterKind, NoticeInput, Regime } from '../../../libs/documents';

export * from '../../../libs/documents';

/** A sample case for a preview: the libs/documents fixture of the kind, with the caller's overrides. */
export function fixtureInputFor(kind: LetterKind, regime: Regime, overrides: Partial<NoticeInput>): NoticeInput {
  return fixtureInput(kind, regime, overrides);
}

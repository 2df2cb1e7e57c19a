import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { NoticeSummary } from '../../../libs/contracts/notice';
import { DATA_SOURCE } from '../common/tokens';
import type { OfficeProfile, RenderedNotice } from './notice-documents';

export type NoticeFormat = 'docx' | 'pdf' | 'html';

/** What a download reads of a notice besides its number and hash: the kept file, and what it is made from when missing. */
const SOURCE_COLUMNS: Record<NoticeFormat, string> = {
  docx: 'docx, rendered, office_profile',
  pdf: 'pdf, CASE WHEN pdf IS NULL THEN html END AS html',
  html: 'html',
};

/** A notice as a download needs it: the file kept for the format, or its source when none is kept yet. */
export interface NoticeSource {
  number: string;
  contentHash: string;
  docx?: Buffer | null;
  pdf?: Buffer | null;
  html?: string | null;
  rendered?: RenderedNotice;
  officeProfile?: OfficeProfile;
}

/** Issued notices: the case's list, and the files kept once made. */
@Injectable()
export class NoticesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** The case's notices in the order they were issued. */
  async forCase(applicationId: string): Promise<NoticeSummary[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, kind, letter_kind, number, issued_at, content_hash, template_id, template_version
       FROM notices WHERE application_id = $1 ORDER BY issued_at, number_seq`,
      [applicationId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as NoticeSummary['kind'],
      letterKind: r.letter_kind as NoticeSummary['letterKind'],
      number: r.number as string,
      issuedAt: (r.issued_at as Date).toISOString(),
      contentHash: r.content_hash as string,
      templateId: r.template_id as string,
      templateVersion: r.template_version as number,
    }));
  }

  /** The notice's number, hash and what `format` is read or made from; undefined when there is no such notice. */
  async source(id: string, format: NoticeFormat): Promise<NoticeSource | undefined> {
    const [row] = await this.ds.query(`SELECT number, content_hash, ${SOURCE_COLUMNS[format]} FROM notices WHERE id = $1`, [id]);
    if (!row) return undefined;
    return {
      number: row.number,
      contentHash: row.content_hash,
      docx: row.docx,
      pdf: row.pdf,
      html: row.html,
      rendered: row.rendered,
      officeProfile: row.office_profile,
    };
  }

  /**
   * Keeps a made file unless one is kept already, and answers with the kept one: when two first
   * downloads race, both return the bytes that were stored.
   */
  async keep(id: string, format: 'pdf' | 'docx', body: Buffer, hash: string): Promise<Buffer> {
    const [stored] = await this.ds.query(
      format === 'pdf'
        ? `WITH kept AS (UPDATE notices SET pdf = COALESCE(pdf, $2), pdf_hash = COALESCE(pdf_hash, $3) WHERE id = $1 RETURNING pdf AS file)
           SELECT file FROM kept`
        : `WITH kept AS (UPDATE notices SET docx = COALESCE(docx, $2), docx_hash = COALESCE(docx_hash, $3) WHERE id = $1 RETURNING docx AS file)
           SELECT file FROM kept`,
      [id, body, hash],
    );
    return stored.file as Buffer;
  }
}

import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { noticeCaseRow, prepareNotice } from '../../../activities/notice.activities';
import { workflowIdFor } from '../../../libs/contracts/application';
import { stateQuery } from '../../../libs/contracts/workflow';
import { replyRequest } from '../../../libs/case/reply-letter';
import { officeToday } from '../common/overdue';
import type { NoticeSummary } from '../../../libs/contracts/notice';
import {
  BUNDLED_TEMPLATES,
  contentHash,
  fixtureInputFor,
  LETTER_KINDS,
  PdfRenderError,
  renderNotice,
  toDocx,
  toHtml,
  toPdf,
  validateTemplate,
  type LetterKind,
  type NoticeInput,
  type NoticeTemplate,
  type OfficeProfile,
  type Regime,
  type RenderedNotice,
} from './notice-documents';
import {
  activeStoredTemplates,
  insertTemplateVersion,
  nextTemplateVersion,
  storedTemplateVersions,
  templateInForce,
} from '../../../libs/persistence/notice-template.repository';
import { NoticesRepository, type NoticeFormat } from './notices.repository';
import { TEMPLATE_PARTS, type TemplateVersionDto, type TemplateVersionListDto } from './templates.dto';
import { CaseAccess } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOTICE_FORMATS: Record<NoticeFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};
export type { NoticeFormat };

export interface NoticeFile {
  format: NoticeFormat;
  contentType: string;
  /** The notice number, e.g. 临政公开〔2026〕第3号: the downloaded file's name. */
  number: string;
  body: Buffer;
  contentHash: string;
}

export interface TemplateSummary {
  kind: LetterKind;
  regime: Regime;
  version: number;
  source: 'bundled' | 'stored';
  title: string;
  createdBy?: string;
  createdAt?: string;
}

/** JSON with object keys sorted (jsonb keeps its own key order), to compare two versions' parts. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Issued notices (read) and the templates administrators edit. */
@Injectable()
export class NoticesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CaseAccess) private readonly access: CaseAccess,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(NoticesRepository) private readonly notices: NoticesRepository,
  ) {}

  /**
   * HTML of the reply letter the case's current draft would produce if issued today, made by the
   * same request (libs/case) and renderer as the issued one, with its number still to be given.
   * Nothing is stored. 409 when the case has no draft yet, 422 when its letter cannot be made.
   */
  async draftPreview(applicationId: string, user: AuthUser): Promise<string> {
    await this.access.require(user, applicationId, 'read');
    const view = (await this.temporal.workflow.getHandle(workflowIdFor(applicationId)).query(stateQuery)).case;
    const request = view ? replyRequest(view, user.username) : null;
    if (!request) throw new ConflictException('draft-letter: the case has no draft decision yet');
    const c = await noticeCaseRow(this.ds.manager, applicationId, false);
    if (!c) throw new NotFoundException(`application ${applicationId} does not exist`);
    try {
      const prepared = await prepareNotice(this.ds.manager, { ...request, applicationId, issuedOn: officeToday() }, c);
      return prepared.html.split(prepared.standIn).join('（编号待定）');
    } catch (err) {
      throw new UnprocessableEntityException(`draft-letter: ${(err as Error).message}`);
    }
  }

  async list(applicationId: string, user: AuthUser): Promise<NoticeSummary[]> {
    await this.access.require(user, applicationId, 'read');
    return this.notices.forCase(applicationId);
  }

  /**
   * `<id>.docx|.pdf|.html`: the stored HTML; or the DOCX (made from the stored rendering and
   * letterhead) or the PDF (printed from the stored HTML), each made on its first download and
   * kept from then on, so every download returns the same bytes. Named after the notice number.
   */
  async file(file: string, user: AuthUser): Promise<NoticeFile> {
    const m = /^(.+)\.([a-z]+)$/.exec(file);
    if (!m || !(m[2] in NOTICE_FORMATS)) throw new BadRequestException('file: must be <notice id>.docx, .pdf or .html');
    const [id, format] = [m[1], m[2] as NoticeFormat];
    if (!UUID.test(id)) throw new BadRequestException('file: the notice id must be a UUID');
    await this.access.requireNotice(user, id);
    return this.readFile(id, format);
  }

  /** A notice's file without an access check: the caller has checked who may read it (staff access, or a public letter link). */
  async readFile(id: string, format: NoticeFormat): Promise<NoticeFile> {
    const row = await this.notices.source(id, format);
    if (!row) throw new NotFoundException(`notice ${id} not found`);
    let body: Buffer;
    if (format === 'docx') body = row.docx ?? (await this.firstDocx(id, row.rendered!, row.officeProfile!));
    else if (format === 'html') body = Buffer.from(row.html!, 'utf8');
    else body = row.pdf ?? (await this.firstPdf(id, row.html!));
    return { format, contentType: NOTICE_FORMATS[format], number: row.number, body, contentHash: row.contentHash };
  }

  /** Prints the PDF once; when two first downloads race, both return the one that was stored. */
  private async firstPdf(id: string, html: string): Promise<Buffer> {
    let pdf: Buffer;
    try {
      pdf = await toPdf(html);
    } catch (err) {
      if (err instanceof PdfRenderError) throw new ServiceUnavailableException(`pdf: ${err.message}`);
      throw err;
    }
    return this.notices.keep(id, 'pdf', pdf, contentHash(pdf));
  }

  /** Packs the DOCX once; when two first downloads race, both return the one that was stored. */
  private async firstDocx(id: string, rendered: RenderedNotice, office: OfficeProfile): Promise<Buffer> {
    const docx = await toDocx(rendered, office);
    return this.notices.keep(id, 'docx', docx, contentHash(docx));
  }

  async templates(): Promise<TemplateSummary[]> {
    const stored = await activeStoredTemplates(this.ds);
    return [
      ...BUNDLED_TEMPLATES.map((t) => ({ kind: t.kind, regime: t.regime, version: t.version, source: 'bundled' as const, title: t.title })),
      ...stored.map((r) => ({ ...r, source: 'stored' as const, createdAt: r.createdAt.toISOString() })),
    ];
  }

  /** The versions of kind.regime, newest first: who saved each, when, and which parts it changed. */
  async templateVersions(kindParam: string, regimeParam: string): Promise<TemplateVersionListDto> {
    const { kind, regime } = this.kindAndRegime(kindParam, regimeParam);
    const all = await this.allVersions(kind, regime);
    return { kind, regime, items: all.map(({ template: _t, ...summary }) => summary).reverse() };
  }

  /** One version of kind.regime with its text. */
  async templateVersion(kindParam: string, regimeParam: string, versionParam: string): Promise<TemplateVersionDto> {
    const { kind, regime } = this.kindAndRegime(kindParam, regimeParam);
    if (!/^[1-9]\d{0,8}$/.test(versionParam)) throw new BadRequestException('version: must be a positive integer');
    const found = (await this.allVersions(kind, regime)).find((v) => v.version === Number(versionParam));
    if (!found) throw new NotFoundException(`version: ${kind}/${regime} has no version ${versionParam}`);
    return found;
  }

  /** The bundled template (when there is one) and the stored versions, oldest first, each compared with the one before. */
  private async allVersions(kind: LetterKind, regime: Regime): Promise<TemplateVersionDto[]> {
    const bundled = BUNDLED_TEMPLATES.find((t) => t.kind === kind && t.regime === regime);
    const stored = await storedTemplateVersions(this.ds, kind, regime);
    const rows: Omit<TemplateVersionDto, 'changed' | 'inForce'>[] = [
      ...(bundled
        ? [
            {
              version: bundled.version,
              source: 'bundled' as const,
              title: bundled.title,
              createdBy: null,
              createdByName: null,
              createdAt: null,
              template: bundled as unknown as Record<string, unknown>,
            },
          ]
        : []),
      ...stored.map((v) => ({
        version: v.version,
        source: 'stored' as const,
        title: v.body.title,
        createdBy: v.createdBy,
        createdByName: v.createdByName,
        createdAt: v.createdAt.toISOString(),
        template: v.body as unknown as Record<string, unknown>,
      })),
    ];
    return rows.map((row, i) => {
      const before = rows[i - 1]?.template;
      const changed = before ? TEMPLATE_PARTS.filter((p) => canonical(before[p]) !== canonical(row.template[p])) : [];
      return { ...row, changed, inForce: i === rows.length - 1 };
    });
  }

  /** Stores a new version of kind.regime after validateTemplate; the next notices use it. */
  async saveTemplate(kindParam: string, regimeParam: string, body: unknown, user: AuthUser): Promise<NoticeTemplate> {
    const { kind, regime } = this.kindAndRegime(kindParam, regimeParam);
    const version = await nextTemplateVersion(this.ds, kind, regime);
    const template = this.checkTemplate(kind, regime, body, version);
    if (!(await insertTemplateVersion(this.ds, template, user.username))) {
      throw new ConflictException(
        `version: ${kind}/${regime} version ${version} was saved by someone else meanwhile; reload and save again`,
      );
    }
    return template;
  }

  /** HTML of the template (given, or in force) filled with a sample case (or the body's `input`). */
  async preview(kindParam: string, regimeParam: string, body: unknown): Promise<string> {
    const { kind, regime } = this.kindAndRegime(kindParam, regimeParam);
    const b = (body ?? {}) as { template?: unknown; input?: Partial<NoticeInput> };
    if (typeof b !== 'object' || Array.isArray(b)) throw new BadRequestException('body: must be an object {template?, input?}');
    const template =
      b.template !== undefined ? this.checkTemplate(kind, regime, b.template, 1) : await templateInForce(this.ds, kind, regime);
    if (!template) throw new NotFoundException(`no ${regime} template for ${kind}`);
    const input = fixtureInputFor(kind, regime, { ...(b.input ?? {}), template, kind, regime });
    try {
      const rendered = renderNotice(input);
      return toHtml(rendered, input.office);
    } catch (err) {
      throw new BadRequestException(`preview: ${(err as Error).message}`);
    }
  }

  private kindAndRegime(kind: string, regime: string): { kind: LetterKind; regime: Regime } {
    if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new NotFoundException(`kind: unknown letter kind ${kind}`);
    if (regime !== '2008' && regime !== '2019') throw new NotFoundException(`regime: must be 2008 or 2019`);
    return { kind: kind as LetterKind, regime };
  }

  /** Shape first (so validateTemplate can read it), then the template rules; every problem names its field. */
  private checkTemplate(kind: LetterKind, regime: Regime, body: unknown, version: number): NoticeTemplate {
    const problems: string[] = [];
    const b = body as Record<string, unknown> | null;
    if (typeof b !== 'object' || b === null || Array.isArray(b))
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['body: must be a template object'] });
    for (const f of ['title', 'noun', 'addressee'] as const) {
      if (typeof b[f] !== 'string' || !(b[f] as string).trim()) problems.push(`${f}: must be a non-empty string`);
    }
    for (const f of ['fields', 'paragraphs', 'citations'] as const) if (!Array.isArray(b[f])) problems.push(`${f}: must be an array`);
    if (!['none', 'standard', 'refusal', 'partial'].includes(b.remedies as string)) {
      problems.push('remedies: must be one of none, standard, refusal, partial');
    }
    if (b.note !== undefined && typeof b.note !== 'string') problems.push('note: must be a string');
    if (Array.isArray(b.paragraphs)) {
      b.paragraphs.forEach((p: unknown, i: number) => {
        const x = p as Record<string, unknown> | null;
        if (typeof x !== 'object' || x === null || (typeof x.text !== 'string' && x.slot !== 'remedies')) {
          problems.push(`paragraphs[${i}]: must be {text, role?, when?, unless?, each?} or {slot: "remedies"}`);
        }
      });
    }
    if (Array.isArray(b.fields)) {
      b.fields.forEach((f: unknown, i: number) => {
        const x = f as Record<string, unknown> | null;
        if (
          typeof x !== 'object' ||
          x === null ||
          typeof x.name !== 'string' ||
          typeof x.label !== 'string' ||
          typeof x.type !== 'string'
        ) {
          problems.push(`fields[${i}]: must be {name, label, type, required}`);
        }
      });
    }
    if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
    const template = {
      title: b.title,
      noun: b.noun,
      addressee: b.addressee,
      fields: b.fields,
      paragraphs: b.paragraphs,
      citations: b.citations,
      remedies: b.remedies,
      ...(b.note !== undefined ? { note: b.note } : {}),
      id: `${kind}.${regime}`,
      kind,
      regime,
      version,
    } as NoticeTemplate;
    let found: string[];
    try {
      found = validateTemplate(template);
    } catch (err) {
      found = [`template: ${(err as Error).message}`];
    }
    if (found.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: found });
    return template;
  }
}

import { randomUUID } from 'node:crypto';
import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/config';
import type { SubmissionInput } from '../../../libs/contracts/application';
import type { CaseStatus } from '../../../libs/contracts/case';
import { ApplicationsService } from '../applications/applications.service';
import type { ErrorCode } from '../../../libs/contracts/error-codes';
import { ApiError } from '../common/api-error';
import { CONFIG } from '../common/tokens';
import { type NoticeFile, type NoticeFormat, NOTICE_FORMATS, NoticesService } from '../notices/notices.service';
import type { ChallengeDto, PublicApplicationDto, PublicSubmissionDto, TrackingDto } from './public.dto';
import { PublicRepository } from './public.repository';
import { maskPhone, newQueryCode, normalizePhone, PublicSecrets, queryCodeHash } from './public-secrets';

/** The part of the HTTP response the filter touches (no @types/express in the project). */
interface HttpResponse {
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

/** 429 with Retry-After (set by PublicExceptionFilter) and the stable code RATE_LIMITED. */
export class RateLimitedException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'RATE_LIMITED',
        message: `too many ${what}; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

@Catch(RateLimitedException)
export class PublicExceptionFilter implements ExceptionFilter {
  catch(e: RateLimitedException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<HttpResponse>();
    res.setHeader('Retry-After', String(e.retryAfterSeconds));
    res.status(429).json(e.getResponse());
  }
}

/** The one answer for a wrong code, a wrong phone, an unknown letter or an expired link. */
const NOT_FOUND = {
  statusCode: 404,
  error: 'Not Found',
  code: 'NOT_FOUND',
  message: 'no application matches this query code and phone number',
};

/** How the applicant reads each status. */
const STATUS_TEXT: Readonly<Record<CaseStatus, string>> = {
  awaiting_confirmation: '已提交，待确认收到',
  registered: '已受理登记',
  triage: '审查中',
  correction_requested: '待补正',
  assigned: '办理中',
  searching: '办理中',
  consulting: '办理中（征求意见）',
  reasons_requested: '待说明理由',
  extension_requested: '办理中',
  decision_drafted: '办理中',
  confidentiality_review: '办理中',
  approval: '办理中',
  fee_pending: '待缴纳信息处理费',
  notice_issued: '已答复',
  delivered: '已答复',
  closed: '已办结',
};

const PAUSE_TEXT: Readonly<Record<string, string>> = {
  correction: '等待您补正申请，补正期间不计入答复期限',
  consultation: '正在征求第三方或其他机关意见，所需时间不计入答复期限',
  fee: '等待您缴纳信息处理费，缴费期间不计入答复期限',
};

/** 2026-12-31 → 2026年12月31日 */
const chineseDate = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const CHALLENGE_TTL_SECONDS = 300;
const LETTER_LINK_TTL_SECONDS = 3600;

/** The applicant's side: online submission, tracking by query code and phone, letter downloads. */
@Injectable()
export class PublicService {
  private readonly secrets: PublicSecrets;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PublicRepository) private readonly repo: PublicRepository,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(NoticesService) private readonly notices: NoticesService,
  ) {
    this.secrets = new PublicSecrets(config.jwtSecret);
  }

  challenge(): ChallengeDto {
    const c = this.secrets.newChallenge(this.config.publicPortal.challengeBits, CHALLENGE_TTL_SECONDS);
    return { algorithm: 'sha256-leading-zero-bits', ...c, required: this.config.publicPortal.challenge };
  }

  async submit(
    dto: PublicApplicationDto,
    address: string,
    challenge: { token?: string; nonce?: string },
    idempotencyKey?: string,
  ): Promise<PublicSubmissionDto> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{8,128}$/.test(idempotencyKey))
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: ['Idempotency-Key: must be 8-128 printable ASCII characters'],
      });
    const p = this.config.publicPortal;
    await this.limit(`submit-address:${address}`, p.submissionsPerAddress, 'submissions from this address');
    const phone = dto.applicant.contact.phone;
    if (!phone)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: ['applicant.contact.phone: is required (it is asked for again to track the application)'],
      });
    const digits = normalizePhone(phone);
    if (digits.length < 5 || digits.length > 15) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: ['applicant.contact.phone: must be a phone number of 5 to 15 digits'],
      });
    }
    // A retry (same key, same body) finds what the first try recorded: it spent the challenge and
    // counted against the phone's limit already, and it gets the same application and code.
    const retry = idempotencyKey ? this.secrets.retryOf(idempotencyKey, dto) : null;
    const recorded = retry ? await this.repo.submittedAt(retry.applicationId) : null;
    const applicationId = retry?.applicationId ?? randomUUID();
    let queryCode = retry?.queryCode ?? newQueryCode();
    if (!recorded) {
      const phoneHmac = this.secrets.phoneHmac(phone);
      await this.limit(`submit-phone:${phoneHmac.toString('base64url')}`, p.submissionsPerPhone, 'submissions with this phone number');
      if (p.challenge) await this.spendChallenge(challenge);
      const record = () =>
        this.repo.insertSubmission({ applicationId, codeHash: queryCodeHash(queryCode), phoneHmac, phoneMasked: maskPhone(phone) });
      // A code already taken (odds about 1 in 10^23) is drawn again; a keyed one recorded meanwhile by a concurrent retry is its own.
      while (!(await record()) && !(retry && (await this.repo.submittedAt(applicationId)))) {
        if (retry) throw new ServiceUnavailableException('the query code could not be recorded; submit again with a new Idempotency-Key');
        queryCode = newQueryCode();
      }
    }
    const submission: SubmissionInput = { channel: 'online', applicant: dto.applicant, request: dto.request };
    // Registered and numbered at once, waiting for the office to confirm receipt (Art. 31(3)).
    await this.applications.register(
      applicationId,
      this.config.officeCode,
      { username: 'online', role: 'system' },
      submission,
      idempotencyKey
        ? 'submit it again with the same Idempotency-Key to get the same application'
        : 'the application may not have been recorded; submit it again',
    );
    return {
      queryCode,
      status: 'awaiting_confirmation',
      submittedAt: (recorded ?? (await this.repo.submittedAt(applicationId)) ?? new Date()).toISOString(),
    };
  }

  /**
   * The application of a query code, when the phone matches. A wrong code and a wrong phone do
   * the same work (one read by the code's hash, one HMAC, one constant-time comparison against the
   * stored fingerprint or a dummy) and answer the same 404.
   */
  async track(code: string, phone: string | undefined, address: string): Promise<TrackingDto> {
    await this.limit(`lookup-address:${address}`, this.config.publicPortal.lookupsPerAddress, 'look-ups from this address');
    const row = await this.repo.findByCode(queryCodeHash(code.slice(0, 64)));
    const given = this.secrets.phoneHmac((phone ?? '').slice(0, 64));
    const matches = PublicSecrets.sameFingerprint(given, row?.phoneHmac ?? null);
    if (!row || !matches || row.status === null) throw new NotFoundException(NOT_FOUND);
    const status = row.status as CaseStatus;
    const confirmed = status !== 'awaiting_confirmation';
    const letters = await this.repo.letters(row.applicationId);
    return {
      status,
      statusText: STATUS_TEXT[status] ?? '办理中',
      phone: row.phoneMasked,
      submittedAt: row.submittedAt.toISOString(),
      registrationNumber: confirmed ? row.registrationNumber : null,
      receivedOn: confirmed ? row.receivedOn : null,
      dueOn: confirmed ? row.dueOn : null,
      extended: row.extended,
      pausedFor: row.clockPausedFor,
      deadlineText: deadlineText(status, row),
      letters: letters.map((l) => {
        const token = this.secrets.letterToken(l.id, row.applicationId, LETTER_LINK_TTL_SECONDS);
        const link = (f: NoticeFormat) => `/api/public/letters/${token}/${f}`;
        return {
          number: l.number,
          title: l.title,
          kind: l.kind,
          issuedAt: l.issuedAt.toISOString(),
          downloads: { html: link('html'), docx: link('docx'), pdf: link('pdf') },
        };
      }),
    };
  }

  /** A letter by the link tracking gave: only that letter of that application, until the link expires. */
  async letter(token: string, format: string, address: string): Promise<NoticeFile> {
    await this.limit(`lookup-address:${address}`, this.config.publicPortal.lookupsPerAddress, 'look-ups from this address');
    if (!(format in NOTICE_FORMATS)) throw new BadRequestException('format: must be html, docx or pdf');
    const t = this.secrets.readLetterToken(token);
    if (!t || !(await this.repo.isApplicantLetter(t.noticeId, t.applicationId))) throw new NotFoundException(NOT_FOUND);
    return this.notices.readFile(t.noticeId, format as NoticeFormat);
  }

  private async limit(key: string, max: number, what: string): Promise<void> {
    const { hits, resetAt } = await this.repo.hit(key, this.config.publicPortal.rateWindowSeconds);
    if (hits > max) throw new RateLimitedException(Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)), what);
  }

  private async spendChallenge(c: { token?: string; nonce?: string }): Promise<void> {
    const fail = (code: ErrorCode, message: string) => new ApiError(400, code, message);
    if (!c.token || !c.nonce) {
      throw fail(
        'CHALLENGE_REQUIRED',
        'X-Challenge and X-Challenge-Solution: a solved challenge from GET /api/public/challenge is required',
      );
    }
    const checked = this.secrets.checkChallenge(c.token, c.nonce, this.config.publicPortal.challengeBits);
    if (!checked.ok) throw fail('CHALLENGE_INVALID', `X-Challenge-Solution: the challenge is not solved (${checked.why}); get a new one`);
    if (!(await this.repo.spendChallenge(checked.id, checked.expiresAt))) {
      throw fail('CHALLENGE_USED', 'X-Challenge: this challenge was used already; get a new one');
    }
  }
}

function deadlineText(
  status: CaseStatus,
  r: { dueOn: string | null; extended: boolean; clockPausedFor: string | null; closed: boolean },
): string {
  if (status === 'awaiting_confirmation') return '本机关确认收到申请后开始计算答复期限，届时将告知登记编号和答复期限。';
  if (r.closed || status === 'notice_issued' || status === 'delivered') return '本机关已作出答复。';
  const parts: string[] = [];
  if (r.dueOn) parts.push(`答复期限为${chineseDate(r.dueOn)}${r.extended ? '（已依法延长）' : ''}。`);
  if (r.clockPausedFor) parts.push(`${PAUSE_TEXT[r.clockPausedFor] ?? '答复期限暂停计算'}，答复期限将相应顺延。`);
  return parts.join('') || '答复期限计算中。';
}

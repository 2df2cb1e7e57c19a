import { Inject, Injectable } from '@nestjs/common';
import type { Archiver, ArchiverOptions } from 'archiver';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { storedCaseEvents, verifyCaseEvents } from '../../../libs/persistence/case-events-verify';
import { CaseAccess } from '../access/case-access';
import { ApplicationsService } from '../applications/applications.service';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { NoticesService } from '../notices/notices.service';
import { RemediesService } from '../remedies/remedies.service';

export interface CaseFileEntry {
  path: string;
  bytes: number;
  sha256: string;
  /** what the file is, in words (Chinese: read by the auditor) */
  title: string;
}

export interface CaseFileManifest {
  format: 'disclosure-engine case file 1';
  case: { id: string; registrationNumber: string };
  generatedAt: string;
  generatedBy: string;
  /** the case's own steps re-checked against their hashes when the file was made */
  caseEvents: { count: number; verified: boolean; firstBadEvent?: { id: string; seq: number; problem: string } };
  files: CaseFileEntry[];
}

// archiver 7 is a CommonJS factory; the installed @types/archiver (8) describes archiver 8's
// classes, whose instances have the same API, so only the entry point is typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const archiver = require('archiver') as (format: 'zip', options: ArchiverOptions) => Archiver;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');

/**
 * A case's whole file (案卷) as one ZIP: the application, its deadline explanation, its timeline
 * (steps with the Temporal events), its recorded events with their hashes, its remedies, and
 * every letter as stored (PDF, DOCX, HTML); with manifest.json and SHA256SUMS (the format
 * `sha256sum -c` reads) listing each file's SHA-256. Made from the same reads the screens use.
 */
@Injectable()
export class CaseFileService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CaseAccess) private readonly access: CaseAccess,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(NoticesService) private readonly notices: NoticesService,
    @Inject(RemediesService) private readonly remedies: RemediesService,
  ) {}

  async build(id: string, user: AuthUser): Promise<{ registrationNumber: string; zip: Buffer; manifest: CaseFileManifest }> {
    await this.access.require(user, id, 'audit');
    const [application, deadline, timeline, events, letters, remedies] = await Promise.all([
      this.applications.get(id, user),
      this.applications.deadline(id, user),
      this.applications.timeline(id, user),
      storedCaseEvents(this.ds, id),
      this.notices.list(id, user),
      this.remedies.list(id, user),
    ]);
    const files: { path: string; title: string; body: Buffer }[] = [
      { path: 'application.json', title: '申请及登记信息', body: json(application) },
      { path: 'deadline.json', title: '答复期限及其计算', body: json(deadline.deadline) },
      { path: 'timeline.json', title: '办理过程（含工作流事件）', body: json(timeline) },
      { path: 'events.json', title: '办理步骤记录（含哈希链）', body: json(events) },
      { path: 'remedies.json', title: '行政复议、行政诉讼记录', body: json(remedies) },
    ];
    for (const [i, n] of letters.entries()) {
      const base = `letters/${String(i + 1).padStart(2, '0')}-${n.kind}`;
      for (const format of ['pdf', 'docx', 'html'] as const) {
        const f = await this.notices.file(`${n.id}.${format}`, user);
        files.push({ path: `${base}.${format}`, title: `${n.number}（${format.toUpperCase()}）`, body: f.body });
      }
    }
    const check = verifyCaseEvents(id, events);
    const manifest: CaseFileManifest = {
      format: 'disclosure-engine case file 1',
      case: { id, registrationNumber: application.registrationNumber },
      generatedAt: new Date().toISOString(),
      generatedBy: user.username,
      caseEvents: { count: events.length, verified: check.ok, ...(check.firstBadEvent ? { firstBadEvent: check.firstBadEvent } : {}) },
      files: files.map((f) => ({ path: f.path, bytes: f.body.length, sha256: sha256(f.body), title: f.title })),
    };
    const sums = manifest.files.map((f) => `${f.sha256}  ${f.path}`).join('\n') + '\n';
    const zip = await pack([...files, { path: 'manifest.json', body: json(manifest) }, { path: 'SHA256SUMS', body: Buffer.from(sums) }]);
    return { registrationNumber: application.registrationNumber, zip, manifest };
  }
}

function pack(files: { path: string; body: Buffer }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = archiver('zip', { zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    zip.on('data', (c: Buffer) => chunks.push(c));
    zip.on('end', () => resolve(Buffer.concat(chunks)));
    zip.on('error', reject);
    zip.on('warning', reject);
    for (const f of files) zip.append(f.body, { name: f.path, date: new Date(0) });
    void zip.finalize();
  });
}

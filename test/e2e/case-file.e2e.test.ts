// An auditor downloads a case's whole file (案卷) as a ZIP whose manifest lists every file with
// its SHA-256, and the hashes match the bytes; an edited step shows as a failed check.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import request from 'supertest';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('case file (案卷) export', () => {
  let stack: Stack;
  let as: AuthHeaders;
  let id = '';
  let number = '';
  const download = (who: string) => request(stack.http).get(`/api/applications/${id}/case-file`).set(as(who)).buffer(true).parse(binary);

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'auditor', 'supervisor']);
    const res = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('孙八')).expect(201);
    ({ id, registrationNumber: number } = res.body);
    await request(stack.http).post(`/api/applications/${id}/actions/triage`).set(as('clerk')).send({ outcome: 'accept' }).expect(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('holds the application, timeline, events and every letter, each with a matching SHA-256', async () => {
    const res = await download('auditor').expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''%E6%A1%88%E5%8D%B7-${number}.zip`);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ case: { id, registrationNumber: number }, generatedBy: 'auditor', caseEvents: { verified: true } });
    expect(manifest.caseEvents.count).toBeGreaterThanOrEqual(2);
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['application.json', 'timeline.json', 'events.json', 'deadline.json', 'remedies.json']));
    // The receipt letter issued at registration, as stored, in three formats.
    expect(paths.filter((p: string) => p.startsWith('letters/'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^letters\/01-\w[\w-]*\.pdf$/), expect.stringMatching(/^letters\/01-\w[\w-]*\.docx$/)]),
    );
    for (const f of manifest.files as { path: string; bytes: number; sha256: string }[]) {
      const body = await zip.file(f.path)!.async('nodebuffer');
      expect({ path: f.path, bytes: body.length, sha256: sha256(body) }).toEqual({ path: f.path, bytes: f.bytes, sha256: f.sha256 });
    }
    const sums = await zip.file('SHA256SUMS')!.async('string');
    expect(sums.trim().split('\n')).toEqual(manifest.files.map((f: { path: string; sha256: string }) => `${f.sha256}  ${f.path}`));
    // The letters are the stored ones: the PDF is byte for byte what the letter route serves.
    const [notice] = (await request(stack.http).get(`/api/applications/${id}/notices`).set(as('auditor')).expect(200)).body;
    const pdf = await request(stack.http).get(`/api/notices/${notice.id}.pdf`).set(as('auditor')).buffer(true).parse(binary).expect(200);
    const zipped = manifest.files.find((f: { path: string }) => f.path.startsWith('letters/01-') && f.path.endsWith('.pdf'));
    expect(zipped.sha256).toBe(sha256(pdf.body as Buffer));
    const application = JSON.parse(await zip.file('application.json')!.async('string'));
    expect(application).toMatchObject({ id, registrationNumber: number });
  });

  it('reports an edited step in the manifest', async () => {
    // Tampering needs the append-only trigger switched off, as an attacker with the database's owner rights would.
    const tamper = (sql: string) =>
      stack.dataSource.query(`ALTER TABLE case_events DISABLE TRIGGER USER; ${sql}; ALTER TABLE case_events ENABLE TRIGGER USER;`);
    await tamper(`UPDATE case_events SET payload = payload || '{"comment":"改过"}'::jsonb WHERE application_id = '${id}' AND seq = 2`);
    try {
      const res = await download('supervisor').expect(200);
      const manifest = JSON.parse(await (await JSZip.loadAsync(res.body as Buffer)).file('manifest.json')!.async('string'));
      expect(manifest.caseEvents).toMatchObject({
        verified: false,
        firstBadEvent: { seq: 2, problem: expect.stringMatching(/does not match its hash/) },
      });
    } finally {
      await tamper(`UPDATE case_events SET payload = payload - 'comment' WHERE application_id = '${id}' AND seq = 2`);
    }
  });

  it('is for auditors and supervisors only', async () => {
    await download('clerk').expect(403);
  });
});

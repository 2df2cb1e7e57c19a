import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

// Issue 5: each user's own read state for notifications sent to their role, and an
// inbox that never offers the drafter the review or approval of their own draft.
describe('me: per-user notification read state and the inbox without self-approval', () => {
  let stack: Stack;
  let as: AuthHeaders;
  let caseId = '';
  let roleNote = '';
  let personalNote = '';

  const createUser = (username: string, role: string) =>
    request(stack.http)
      .post('/api/admin/users')
      .set(as('admin'))
      .send({ username, displayName: username, role, officeCode: 'LINYI', departmentCode: 'OGI', password: DEFAULT_DEMO_PASSWORD })
      .expect(201);
  const notifications = async (username: string) =>
    (await request(stack.http).get('/api/me/notifications').set(as(username)).expect(200)).body as {
      items: { id: string; readAt: string | null; recipientRole: string | null }[];
      unread: number;
    };
  const markRead = (id: string, username: string) => request(stack.http).post(`/api/me/notifications/${id}/read`).set(as(username));
  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body);
  const register = async (): Promise<string> =>
    (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201)).body.id;
  const inbox = async (username: string) =>
    (await request(stack.http).get('/api/me/inbox').set(as(username)).expect(200)).body.items as {
      id: string;
      reasons: string[];
      actions: string[];
    }[];
  const disclose = { replyKind: 'disclose', reasons: 'held', provision: { form: 'paper', method: 'post' } };

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['admin', 'clerk', 'reviewer', 'supervisor']);
    await createUser('supervisor.two', 'supervisor');
    await createUser('reviewer.two', 'reviewer');
    const second = await loginAll(stack, ['supervisor.two', 'reviewer.two']);
    const first = as;
    as = (username) => (username.endsWith('.two') ? second(username) : first(username));

    caseId = await register();
    [{ id: roleNote }] = await stack.dataSource.query(
      `INSERT INTO notifications (application_id, key, kind, recipient_role, message) VALUES ($1, 'test-escalation', 'escalation', 'supervisor', 'overdue')
       RETURNING id::text AS id`,
      [caseId],
    );
    [{ id: personalNote }] = await stack.dataSource.query(
      `INSERT INTO notifications (application_id, key, kind, recipient_username, message) VALUES ($1, 'test-reminder', 'reminder', 'supervisor', 'due soon')
       RETURNING id::text AS id`,
      [caseId],
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('shows a notification to a role unread to each of its holders until that holder reads it', async () => {
    expect(await notifications('supervisor')).toMatchObject({ unread: 2 });
    const two = await notifications('supervisor.two');
    expect(two.unread).toBe(1);
    expect(two.items).toEqual([expect.objectContaining({ id: roleNote, recipientRole: 'supervisor', readAt: null })]);

    const read = await markRead(roleNote, 'supervisor').expect(200);
    expect(read.body).toMatchObject({ id: roleNote, readAt: expect.any(String) });
    // Marking it again changes nothing: the first reading stays.
    const again = await markRead(roleNote, 'supervisor').expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const one = await notifications('supervisor');
    expect(one.unread).toBe(1);
    // Unread first.
    expect(one.items.map((n) => [n.id, n.readAt === null])).toEqual([
      [personalNote, true],
      [roleNote, false],
    ]);
    expect(await notifications('supervisor.two')).toMatchObject({ unread: 1, items: [{ id: roleNote, readAt: null }] });

    await markRead(roleNote, 'supervisor.two').expect(200);
    expect(await notifications('supervisor.two')).toMatchObject({ unread: 0, items: [{ id: roleNote, readAt: expect.any(String) }] });
    const reads = await stack.dataSource.query(
      'SELECT username FROM notification_reads WHERE notification_id = $1 ORDER BY username COLLATE "C"',
      [roleNote],
    );
    expect(reads).toEqual([{ username: 'supervisor' }, { username: 'supervisor.two' }]);
    // The shared column is no longer written.
    const [{ read_at }] = await stack.dataSource.query('SELECT read_at FROM notifications WHERE id = $1', [roleNote]);
    expect(read_at).toBeNull();
  });

  it("keeps one user's notification to that user", async () => {
    await markRead(personalNote, 'supervisor.two').expect(404);
    await markRead(personalNote, 'reviewer').expect(404);
    await markRead(roleNote, 'reviewer').expect(404);
    await markRead('not-a-number', 'supervisor').expect(404);
    await markRead('999999999', 'supervisor').expect(404);
    expect((await notifications('reviewer')).items).toEqual([]);
    await markRead(personalNote, 'supervisor').expect(200);
    expect(await notifications('supervisor')).toMatchObject({ unread: 0 });
    expect(await notifications('supervisor.two')).toMatchObject({ unread: 0 });
  });

  it('never offers a reviewer the review or approval of a decision they drafted', async () => {
    const own = await register();
    await act(own, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(own, 'draft-decision', 'reviewer', disclose).expect(200);

    expect((await inbox('reviewer')).map((i) => i.id)).not.toContain(own);
    expect((await inbox('reviewer.two')).find((i) => i.id === own)).toMatchObject({
      reasons: ['role'],
      actions: ['review-confidentiality', 'approve-decision'],
    });
    // What the inbox leaves out, the workflow refuses.
    await act(own, 'approve-decision', 'reviewer', { approve: true }).expect(403);
    await act(own, 'review-confidentiality', 'reviewer', { approve: true }).expect(403);

    // Once reviewed, only the approval is left; once approved, nothing waits on reviewers.
    await act(own, 'review-confidentiality', 'reviewer.two', { approve: true }).expect(200);
    expect((await inbox('reviewer.two')).find((i) => i.id === own)).toMatchObject({ actions: ['approve-decision'] });
    expect((await inbox('reviewer')).map((i) => i.id)).not.toContain(own);
    await act(own, 'approve-decision', 'reviewer.two', { approve: true }).expect(200);
    expect((await inbox('reviewer.two')).map((i) => i.id)).not.toContain(own);
    expect((await inbox('reviewer')).map((i) => i.id)).not.toContain(own);
  });

  it('offers the drafter again after someone else re-drafts a rejected decision', async () => {
    const id = await register();
    await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(id, 'draft-decision', 'reviewer', disclose).expect(200);
    await act(id, 'review-confidentiality', 'reviewer.two', { approve: false, comment: '需删除第三方信息' }).expect(200);
    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: 'classified',
      parts: [{ description: '全部', disposition: 'withhold', ground: 'state-secret' }],
    }).expect(200);

    // The new draft is the clerk's and discloses nothing: both reviewers may approve it, no review is due.
    for (const reviewer of ['reviewer', 'reviewer.two']) {
      expect((await inbox(reviewer)).find((i) => i.id === id)).toMatchObject({ reasons: ['role'], actions: ['approve-decision'] });
    }
  });
});

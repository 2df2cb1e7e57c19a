// Registration and letter numbers have no gaps (an auditor reads a gap as a deleted
// application or letter): each number is drawn from its counter row in the statement that
// stores the application or letter, so a transaction lost after the draw (the worker killed,
// the connection cut) takes its number with it, and the retry draws the same one again.
// Here the storing statement is held after its draw (a lock on the office row, which the
// foreign-key checks at the end of the statement need), its backend is terminated, and the
// retry is checked to take that same serial.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { createNoticeActivities, noticeWriter } from '../../activities/notice.activities';
import { createRegistrationActivities } from '../../activities/registration.activities';
import type { ApplicationWorkflowInput } from '../../libs/contracts/application';
import { createDataSource } from '../../libs/persistence/data-source';
import { shanghaiDate } from '../../libs/time/shanghai';
import { createTestDatabase } from '../support/services';

const input = (): ApplicationWorkflowInput => ({
  applicationId: randomUUID(),
  officeCode: 'LINYI',
  arrivedAt: new Date().toISOString(),
  submittedBy: { username: 'clerk', role: 'clerk' },
  submission: {
    channel: 'in_person',
    receivedOn: shanghaiDate(Date.now()),
    applicant: { type: 'natural_person', name: '李四', contact: { phone: '13800000001' } },
    request: { description: '申请公开某道路拓宽工程的立项批复' },
  },
});

describe('numbers drawn by a transaction that is then lost', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let registration: ReturnType<typeof createRegistrationActivities>;
  let notices: ReturnType<typeof createNoticeActivities>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 4 });
    await ds.initialize();
    registration = createRegistrationActivities({ ds, deadlines: await createDeadlineCalculator(ds), letters: noticeWriter });
    notices = createNoticeActivities({ ds });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /**
   * Runs `work` while another transaction holds the office row, waits until `work`'s backend
   * has written `counter` (its number is drawn) and waits on that row, terminates the backend,
   * and returns what `work` threw.
   */
  async function loseAfterDraw(counter: 'registration_counters' | 'notice_counters', work: () => Promise<unknown>): Promise<unknown> {
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM offices WHERE code = 'LINYI' FOR UPDATE`);
      const outcome = work().then(
        () => new Error('the statement was expected to be lost'),
        (e: unknown) => e,
      );
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const { rows } = await blocker.query(
          `SELECT w.pid FROM pg_locks w
           WHERE NOT w.granted AND w.pid <> pg_backend_pid()
             AND EXISTS (SELECT 1 FROM pg_locks c WHERE c.pid = w.pid AND c.granted AND c.mode = 'RowExclusiveLock'
                           AND c.relation = $1::regclass)`,
          [counter],
        );
        pid = rows[0]?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      // The statement has written its counter row and waits: its number is drawn, uncommitted.
      expect(pid).toBeDefined();
      await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
      await blocker.query('COMMIT');
      return await outcome;
    } finally {
      await blocker.end();
    }
  }

  const serials = async (table: 'applications' | 'notices') =>
    (
      await ds.query(
        table === 'applications'
          ? `SELECT registration_seq AS seq FROM applications ORDER BY 1`
          : `SELECT number_seq AS seq FROM notices ORDER BY 1`,
      )
    ).map((r: { seq: number }) => r.seq) as number[];
  const oneToN = (list: number[]) => list.map((_, i) => i + 1);

  it('a lost registration leaves no gap: its retry takes the same serial', async () => {
    await registration.registerCase(input()); // the office's first number this year
    const [{ last }] = await ds.query(`SELECT max(registration_seq)::int AS last FROM applications`);
    const i = input();
    const lost = await loseAfterDraw('registration_counters', () => registration.registerCase(i));
    expect(lost).toBeInstanceOf(Error);
    expect(await ds.query('SELECT 1 FROM applications WHERE id = $1', [i.applicationId])).toHaveLength(0);
    // The activity's retry: the number the lost attempt drew, and the receipt's likewise.
    const r = await registration.registerCase(i);
    expect(Number(r.registration.registrationNumber.split('-')[2])).toBe(last + 1);
    expect(await serials('applications')).toEqual(oneToN(await serials('applications')));
    expect(await serials('notices')).toEqual(oneToN(await serials('notices')));
  });

  it('a lost letter leaves no gap: its retry takes the same serial', async () => {
    const i = input();
    await registration.registerCase(i);
    const [{ last }] = await ds.query(`SELECT max(number_seq)::int AS last FROM notices`);
    const letter = {
      applicationId: i.applicationId,
      kind: 'withdrawal' as const,
      letterKind: 'withdrawal-confirmation' as const,
      issueKey: 'withdrawal',
      issuedOn: shanghaiDate(Date.now()),
      issuedBy: 'clerk',
      fields: { withdrawnOn: shanghaiDate(Date.now()), withdrawalMethod: '书面' },
    };
    const lost = await loseAfterDraw('notice_counters', () => notices.issueNotice(letter));
    expect(lost).toBeInstanceOf(Error);
    expect(await ds.query(`SELECT 1 FROM notices WHERE application_id = $1 AND kind = 'withdrawal'`, [i.applicationId])).toHaveLength(0);
    const ref = await notices.issueNotice(letter);
    const [n] = await ds.query('SELECT number_seq FROM notices WHERE id = $1', [ref.id]);
    expect(n.number_seq).toBe(last + 1);
    expect(await notices.issueNotice(letter)).toEqual(ref); // and a further retry issues nothing twice
    expect(await serials('notices')).toEqual(oneToN(await serials('notices')));
  });
});

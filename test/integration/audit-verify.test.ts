import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { createRegistrationActivities } from '../../activities/registration.activities';
import { verifyAuditChain } from '../../libs/persistence/audit-verify';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

// Tampering needs the append-only trigger switched off, as an attacker with
// database rights would; verification must still notice.
describe('audit chain verification', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeEach(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 3 });
    await ds.initialize();
    const { registerApplication } = createRegistrationActivities({ ds, deadlines: await createDeadlineCalculator(ds) });
    for (let i = 0; i < 5; i++) {
      await registerApplication({
        applicationId: randomUUID(),
        officeCode: 'LINYI',
        arrivedAt: '2025-06-03T02:00:00.000Z',
        submittedBy: { username: 'clerk', role: 'clerk' },
        submission: {
          channel: 'in_person',
          applicant: { type: 'natural_person', name: `申请人${i}`, contact: {} },
          request: { description: `事项${i}` },
        },
      });
    }
  });
  afterEach(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tamper = (sql: string) =>
    ds.query(`ALTER TABLE case_events DISABLE TRIGGER USER; ${sql}; ALTER TABLE case_events ENABLE TRIGGER USER;`);
  const ids = async (): Promise<string[]> =>
    (await ds.query('SELECT id::text FROM case_events ORDER BY id')).map((r: { id: string }) => r.id);

  it('accepts the chain as written', async () => {
    await expect(verifyAuditChain(ds, 2)).resolves.toEqual({ ok: true, events: 5 });
  });

  it('finds an edited event', async () => {
    const [, second] = await ids();
    await tamper(`UPDATE case_events SET actor = 'mallory' WHERE id = ${second}`);
    const r = await verifyAuditChain(ds, 2);
    expect(r).toMatchObject({ ok: false, events: 1, firstBadEvent: { id: second, problem: expect.stringMatching(/edited/) } });
  });

  it('finds a deleted event in the middle and one deleted at the end', async () => {
    const all = await ids();
    await tamper(`DELETE FROM case_events WHERE id = ${all[2]}`);
    expect(await verifyAuditChain(ds)).toMatchObject({
      ok: false,
      firstBadEvent: { id: all[3], problem: expect.stringMatching(/inserted or deleted/) },
    });
  });

  it('finds events deleted at the end of the chain', async () => {
    const all = await ids();
    await tamper(`DELETE FROM case_events WHERE id = ${all[4]}`);
    expect(await verifyAuditChain(ds)).toMatchObject({
      ok: false,
      events: 4,
      firstBadEvent: { problem: expect.stringMatching(/chain head/) },
    });
  });

  it('finds an inserted event', async () => {
    const all = await ids();
    const [row] = await ds.query(`SELECT application_id, hash FROM case_events WHERE id = ${all[1]}`);
    await tamper(
      `INSERT INTO case_events (application_id, seq, type, actor, actor_role, occurred_at, payload, prev_hash, hash)
       VALUES ('${row.application_id}', 99, 'forged', 'mallory', 'clerk', now(), '{}', '${row.hash}', 'forged-hash')`,
    );
    const r = await verifyAuditChain(ds);
    expect(r.ok).toBe(false);
    expect(r.firstBadEvent?.problem).toMatch(/inserted or deleted|edited/);
  });
});

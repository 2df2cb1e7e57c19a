// Logging in and submitting over HTTP, shared by the end-to-end tests that drive cases.
import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import type { Stack } from './stack';

export type AuthHeaders = (username: string) => { Authorization: string };

/** Logs each demo user in; returns the Authorization header for a username. */
export async function loginAll(stack: Stack, usernames: string[]): Promise<AuthHeaders> {
  const tokens: Record<string, string> = {};
  for (const username of usernames) {
    const res = await request(stack.http).post('/api/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }).expect(200);
    tokens[username] = res.body.accessToken;
  }
  return (username) => ({ Authorization: `Bearer ${tokens[username]}` });
}

/** An application handed in at the office today. */
export const inPersonSubmission = (applicantName = '张三', description = '申请公开某片区棚户区改造项目征收补偿方案') => ({
  channel: 'in_person',
  receivedOn: shanghaiDate(Date.now()),
  applicant: { type: 'natural_person', name: applicantName, contact: { phone: '13800000000' } },
  request: { description },
});

/**
 * A second office (TANCHENG, with department OGI) and clerks in other places than the demo
 * clerk: `env.clerk` in LINYI's department ENV and `tc.clerk` in TANCHENG, plus `extra`
 * clerks given as [username, officeCode, departmentCode]. Created through the admin API.
 */
export async function addOtherPlaces(stack: Stack, extra: [string, string, string][] = []): Promise<void> {
  const admin = await loginAll(stack, ['admin']);
  const post = (url: string, body: object) => request(stack.http).post(url).set(admin('admin')).send(body).expect(201);
  await post('/api/admin/offices', {
    code: 'TANCHENG',
    name: '郯城县人民政府办公室',
    registrationPrefix: 'TCZF',
    reconsiderationOrgan: '临沂市人民政府',
    court: '郯城县人民法院',
    address: '山东省临沂市郯城县人民路1号',
    phone: '0539-6221234',
  });
  await post('/api/admin/offices/TANCHENG/departments', { code: 'OGI', name: '郯城县政务公开办' });
  const clerks: [string, string, string][] = [['env.clerk', 'LINYI', 'ENV'], ['tc.clerk', 'TANCHENG', 'OGI'], ...extra];
  for (const [username, officeCode, departmentCode] of clerks)
    await post('/api/admin/users', {
      username,
      displayName: username,
      role: 'clerk',
      officeCode,
      departmentCode,
      password: DEFAULT_DEMO_PASSWORD,
    });
}

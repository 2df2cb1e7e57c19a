// Shared pieces of the 管理 pages: the offices and departments every form picks from, dates as
// the office writes them, the one-time passwords, and a failed request shown as the server said.
import { useQuery } from '@tanstack/react-query';
import { Alert, Result } from 'antd';
import type { ComponentType } from 'react';
import dayjs from 'dayjs';
import { api, ok, type Schemas } from '../../api/client';
import { describeError } from '../../i18n/error-messages';
import { useSession } from '../../session';
import { officeTime } from '../../today';

export type Office = Schemas['OfficeDto'];
export type Department = Schemas['DepartmentDto'];

export const adminKeys = {
  offices: ['admin', 'offices'] as const,
  departments: (office: string) => ['admin', 'departments', office] as const,
  users: (filters: object) => ['admin', 'users', filters] as const,
  heldCases: (username: string) => ['admin', 'held-cases', username] as const,
  calendarYear: (year: number) => ['calendar', year] as const,
  templates: ['admin', 'templates'] as const,
  templateVersions: (kind: string, regime: string) => ['admin', 'template-versions', kind, regime] as const,
  templateVersion: (kind: string, regime: string, version: number) => ['admin', 'template-version', kind, regime, version] as const,
};

export function useOffices() {
  return useQuery({ queryKey: adminKeys.offices, queryFn: () => ok(api.GET('/api/admin/offices')) });
}

export function useDepartments(office: string | undefined) {
  return useQuery({
    queryKey: adminKeys.departments(office ?? ''),
    queryFn: () => ok(api.GET('/api/admin/offices/{code}/departments', { params: { path: { code: office! } } })),
    enabled: !!office,
  });
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** 2026年12月2日 (周三) */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = dayjs(day);
  return `${d.format('YYYY年M月D日')} (${WEEKDAYS[d.day()]})`;
}
/** 2026年12月2日 (周三) 09:30, on the office's clock */
export function formatMoment(moment: string | null | undefined): string {
  if (!moment) return '—';
  const t = officeTime(moment);
  return `${formatDay(t.slice(0, 10))} ${t.slice(11)}`;
}

/**
 * A one-time password the policy accepts (libs/auth/password-policy: at least 10 characters with
 * a letter and a digit): 14 characters without look-alikes, drawn with crypto.getRandomValues.
 */
export function oneTimePassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(14));
  const chars = [...bytes].map((b) => all[b % all.length]);
  chars[bytes[0] % 7] = letters[bytes[1] % letters.length];
  chars[7 + (bytes[2] % 7)] = digits[bytes[3] % digits.length];
  return chars.join('');
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const e = describeError(error);
  return <Alert type="error" showIcon role="alert" message={e.title} description={e.detail} style={{ marginBottom: 16 }} />;
}

/**
 * The page for administrators only; anyone else who opens its address reads that it is not theirs
 * (the menu hides it, and the server refuses every route behind it all the same).
 */
export function adminOnly<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function AdminPage(props: P) {
    const session = useSession();
    if (session.data && session.data.user.role !== 'admin')
      return <Result status="403" title="无权访问" subTitle="此页面仅供系统管理员使用。" />;
    return <Page {...props} />;
  };
}

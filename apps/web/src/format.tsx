import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from './router';
import { PAUSE_LABELS } from './i18n/labels';

/** The due day's countdown as a clerk reads it: red when overdue, orange at 5 working days or fewer. */
export function Countdown({ days, paused }: { days: number | null | undefined; paused?: string | null }) {
  if (paused) return <Tag color="blue">暂停计时：{PAUSE_LABELS[paused] ?? paused}</Tag>;
  if (days === null || days === undefined) return <span>—</span>;
  if (days < 0)
    return (
      <Tooltip title="已超过答复期限">
        <Tag color="red">逾期 {-days} 个工作日</Tag>
      </Tooltip>
    );
  if (days <= 5) return <Tag color="orange">剩余 {days} 个工作日</Tag>;
  return <Tag color="green">剩余 {days} 个工作日</Tag>;
}

/** A link to a case's page (the app's own navigation, the URL still works in a new tab). */
export function CaseLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <a
      href={`/cases/${id}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(`/cases/${id}`);
      }}
    >
      {children}
    </a>
  );
}

// 发件箱: the messages to applicants and staff, for administrators. With no SMTP or SMS gateway
// configured (the embedded default) they are kept here as 未发送 instead of being sent.
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { publicJson } from '../publicApi';
import { officeTime } from '../today';

interface OutboxMessage {
  id: string;
  audience: 'applicant' | 'staff';
  channel: 'email' | 'sms';
  recipient: string;
  templateKind: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'held' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const STATUS: Record<OutboxMessage['status'], { text: string; color: string }> = {
  held: { text: '未发送（未配置发送渠道）', color: 'gold' },
  pending: { text: '待发送', color: 'blue' },
  sending: { text: '发送中', color: 'blue' },
  sent: { text: '已发送', color: 'green' },
  failed: { text: '发送失败', color: 'red' },
};

export default function Outbox() {
  const [filters, setFilters] = useState<{ status?: string; channel?: string; audience?: string }>({});
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  // The admin routes take the session cookie like every other (a GET needs no CSRF token).
  const list = useQuery({
    queryKey: ['outbox', query],
    queryFn: () => publicJson<{ items: OutboxMessage[] }>(`/api/admin/outbox${query ? `?${query}` : ''}`, { credentials: 'same-origin' }),
  });
  const pick = (key: keyof typeof filters, label: string, options: [string, string][]) => (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width: 200 }}
      value={filters[key]}
      onChange={(v?: string) => setFilters({ ...filters, [key]: v })}
      options={options.map(([value, l]) => ({ value, label: l }))}
    />
  );
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        发件箱
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        {pick(
          'status',
          '状态',
          Object.entries(STATUS).map(([k, v]) => [k, v.text]),
        )}
        {pick('channel', '渠道', [
          ['email', '电子邮件'],
          ['sms', '短信'],
        ])}
        {pick('audience', '对象', [
          ['applicant', '申请人'],
          ['staff', '工作人员'],
        ])}
      </Space>
      <Table<OutboxMessage>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => officeTime(v) },
          { title: '对象', dataIndex: 'audience', render: (v: string) => (v === 'applicant' ? '申请人' : '工作人员') },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => (v === 'sms' ? '短信' : '电子邮件') },
          { title: '收件人', dataIndex: 'recipient' },
          { title: '内容', width: '45%', render: (_, m) => [m.subject, m.body].filter(Boolean).join('：') },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: OutboxMessage['status']) => <Tag color={STATUS[v].color}>{STATUS[v].text}</Tag>,
          },
        ]}
      />
    </>
  );
}

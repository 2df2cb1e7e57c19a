import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { Countdown } from '../format';
import { CHANNEL_LABELS, STATUS_LABELS } from '../i18n/labels';
import { navigate } from '../router';
import type { Session } from '../session';

type Row = Schemas['ApplicationListItemDto'];
type Query = NonNullable<paths['/api/applications']['get']['parameters']['query']>;

const enumOf = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, text]) => [k, { text }]));

export default function WorkList({ session }: { session: Session }) {
  const everyone = session.user.role !== 'clerk';
  const columns: ProColumns<Row>[] = [
    {
      title: '搜索',
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: '登记编号、申请人或申请内容' },
    },
    {
      title: '登记编号',
      dataIndex: 'registrationNumber',
      search: false,
      render: (_, r) => (
        <a
          href={`/cases/${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/cases/${r.id}`);
          }}
        >
          {r.registrationNumber}
        </a>
      ),
    },
    { title: '申请人', dataIndex: ['applicant', 'name'], search: false },
    { title: '申请内容', dataIndex: 'description', search: false, ellipsis: true, width: 280 },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: enumOf(STATUS_LABELS) },
    { title: '渠道', dataIndex: 'channel', valueType: 'select', valueEnum: enumOf(CHANNEL_LABELS), hideInTable: true },
    {
      title: '适用条例',
      dataIndex: 'regime',
      valueType: 'select',
      valueEnum: { '2019': { text: '2019年条例' }, '2008': { text: '2008年条例' } },
      hideInTable: true,
    },
    {
      title: '是否逾期',
      dataIndex: 'overdue',
      valueType: 'select',
      valueEnum: { true: { text: '已逾期' }, false: { text: '未逾期' } },
      hideInTable: true,
    },
    { title: '答复期限', dataIndex: 'dueOn', valueType: 'dateRange', render: (_, r) => r.dueOn ?? '—' },
    {
      title: '剩余时间',
      dataIndex: 'workingDaysLeft',
      search: false,
      render: (_, r) => <Countdown days={r.workingDaysLeft} paused={r.clockPausedFor} />,
    },
    { title: '承办人', dataIndex: 'assignee', search: false, render: (_, r) => r.assignee ?? '未分办' },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        我的待办
      </Typography.Title>
      <ProTable<Row>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={async (params) => {
          const due = params.dueOn as [string, string] | undefined;
          const query: Query = {
            open: 'true',
            ...(everyone ? {} : { mine: 'true' }),
            sort: 'dueOn',
            order: 'asc',
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            ...(params.q ? { q: String(params.q) } : {}),
            ...(params.status ? { status: params.status } : {}),
            ...(params.channel ? { channel: params.channel } : {}),
            ...(params.regime ? { regime: params.regime } : {}),
            ...(params.overdue ? { overdue: params.overdue } : {}),
            ...(due ? { dueFrom: due[0], dueTo: due[1] } : {}),
          } as Query;
          const data = await ok(api.GET('/api/applications', { params: { query } }));
          return { data: data.items, total: data.total, success: true };
        }}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
      />
    </>
  );
}

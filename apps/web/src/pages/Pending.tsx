import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, newKey, ok, takeAction, type Schemas } from '../api/client';
import { as } from '../api/types';
import { describeError } from '../i18n/error-messages';
import { CHANNEL_LABELS } from '../i18n/labels';
import { navigate } from '../router';
import { officeTime, officeToday } from '../today';

type Row = Omit<Schemas['PendingConfirmationItemDto'], 'applicant'> & { applicant: { name: string } };

/** 待确认: applications by ordinary mail, online or fax waiting for receipt confirmation (Art. 31), oldest first. */
export default function Pending() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState<Row | null>(null);
  const [day, setDay] = useState<Dayjs>(officeToday());
  const list = useQuery({
    queryKey: ['pending'],
    queryFn: () => as<{ items: Row[]; overdue: number; truncated: boolean }>(ok(api.GET('/api/applications/pending-confirmation'))),
  });
  const confirm = async () => {
    if (!confirming) return;
    try {
      await takeAction(confirming.id, 'confirm-receipt', { receivedOn: day.format('YYYY-MM-DD') }, newKey());
      message.success(`已确认收到：${confirming.registrationNumber}`);
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: ['pending'] });
    } catch (err) {
      const e = describeError(err);
      message.error(e.title);
    }
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        待确认收到的申请
      </Typography.Title>
      {list.data && list.data.overdue > 0 && (
        <Typography.Paragraph type="danger">有 {list.data.overdue} 件申请超过到达当日仍未确认收到，请尽快确认。</Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: '登记编号',
            dataIndex: 'registrationNumber',
            render: (v: string, r) => (
              <a
                href={`/cases/${r.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/cases/${r.id}`);
                }}
              >
                {v}
              </a>
            ),
          },
          { title: '申请人', render: (_, r) => r.applicant.name },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => CHANNEL_LABELS[v] ?? v },
          {
            title: '到达时间',
            dataIndex: 'arrivedAt',
            render: (v: string, r) => (
              <Space>
                {officeTime(v)}
                {r.confirmationOverdue && <Tag color="red">超过到达当日未确认</Tag>}
              </Space>
            ),
          },
          { title: '申请内容', dataIndex: 'description', ellipsis: true },
          {
            title: '操作',
            render: (_, r) => (
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  setDay(officeToday());
                  setConfirming(r);
                }}
              >
                确认收到
              </Button>
            ),
          },
        ]}
      />
      <Modal
        title={`确认收到：${confirming?.registrationNumber ?? ''}`}
        open={!!confirming}
        onOk={confirm}
        onCancel={() => setConfirming(null)}
        okText="确认"
        cancelText="取消"
      >
        <p>收到日期（答复期限自次日起计算）：</p>
        <DatePicker
          value={day}
          onChange={(d) => d && setDay(d)}
          disabledDate={(d) => d.isAfter(officeToday(), 'day')}
          aria-label="收到日期"
        />
      </Modal>
    </>
  );
}

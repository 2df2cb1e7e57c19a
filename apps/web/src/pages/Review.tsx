import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, newKey, ok, takeAction } from '../api/client';
import { as, type ApplicationView, type InboxDto } from '../api/types';
import { Countdown } from '../format';
import { describeError } from '../i18n/error-messages';
import { ACTION_LABELS, STATUS_LABELS, VALUE_LABELS, label } from '../i18n/labels';
import type { Session } from '../session';
import { LetterList, useGrounds } from './CaseDetail';

const REVIEW_ACTIONS = ['review-confidentiality', 'approve-decision', 'decide-extension', 'confirm-petition'];

interface Draft {
  replyKind?: string;
  reasons?: string;
  parts?: { description: string; disposition: string; ground?: string; explanation?: string }[];
}

function DraftPanel({ id, action, onDone }: { id: string; action: string; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const view = useQuery({
    queryKey: ['case', id],
    queryFn: () => as<ApplicationView>(ok(api.GET('/api/applications/{id}', { params: { path: { id } } }))),
  });
  const history = useQuery({
    queryKey: ['history', id],
    queryFn: () => ok(api.GET('/api/applications/{id}/history', { params: { path: { id } } })),
  });
  const grounds = useGrounds(view.data?.regime ?? '2019');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newKey());
  const draft = [...(history.data ?? [])].reverse().find((s) => s.type === 'draft-decision')?.details as Draft | undefined;
  const groundText = (code?: string) => grounds.data?.find((g) => g.code === code)?.text ?? code ?? '—';
  const decide = async (approve: boolean) => {
    if (!approve && !comment.trim()) {
      setError('退回时请填写意见。');
      return;
    }
    setError(null);
    try {
      await takeAction(id, action, { approve, ...(comment.trim() ? { comment: comment.trim() } : {}) }, key.current);
      message.success(approve ? '已同意' : '已退回');
      key.current = newKey();
      await onDone();
    } catch (err) {
      setError(describeError(err).title);
      key.current = newKey();
    }
  };
  return (
    <Card title={`${view.data?.registrationNumber ?? ''} · ${label(ACTION_LABELS, action)}`}>
      <Row gutter={16}>
        <Col span={12}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="申请人">{view.data?.applicant.name}</Descriptions.Item>
            <Descriptions.Item label="申请内容">{view.data?.request.description}</Descriptions.Item>
            <Descriptions.Item label="答复类型">{label(VALUE_LABELS, draft?.replyKind)}</Descriptions.Item>
            <Descriptions.Item label="理由">{draft?.reasons ?? '—'}</Descriptions.Item>
          </Descriptions>
          {draft?.parts?.length ? (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={draft.parts}
              columns={[
                { title: '信息', dataIndex: 'description' },
                {
                  title: '处理',
                  dataIndex: 'disposition',
                  render: (v: string) => <Tag color={v === 'withhold' ? 'red' : 'green'}>{label(VALUE_LABELS, v)}</Tag>,
                },
                { title: '不予公开依据', dataIndex: 'ground', render: (v?: string) => groundText(v) },
              ]}
            />
          ) : null}
          <Input.TextArea
            style={{ marginTop: 12 }}
            rows={3}
            placeholder="审核意见（退回时必填）"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-label="审核意见"
          />
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} role="alert" />}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void decide(true)}>
              同意
            </Button>
            <Button danger onClick={() => void decide(false)}>
              退回
            </Button>
          </Space>
        </Col>
        <Col span={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            答复书预览（按当前拟定内容生成，尚未出具）
          </Typography.Title>
          <iframe
            title="答复书预览"
            src={`/api/applications/${id}/draft-letter`}
            style={{ width: '100%', height: 480, border: '1px solid #eee', background: '#fff' }}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 12 }}>
            已出具的文书
          </Typography.Title>
          <LetterList caseId={id} />
        </Col>
      </Row>
    </Card>
  );
}

/** 审核: drafts waiting for the confidentiality review or the approval (and a supervisor's decisions), the draft beside its decision. */
export default function Review({ session }: { session: Session }) {
  const qc = useQueryClient();
  const [selected, setSelected] = useState<{ id: string; action: string } | null>(null);
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => as<InboxDto>(ok(api.GET('/api/me/inbox'))) });
  const items = (inbox.data?.items ?? []).filter((i) => i.actions.some((a) => REVIEW_ACTIONS.includes(a)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        审核（{session.user.displayName}）
      </Typography.Title>
      <Card>
        {items.length ? (
          <List
            dataSource={items}
            renderItem={(i) => {
              const action = i.actions.find((a) => REVIEW_ACTIONS.includes(a))!;
              return (
                <List.Item
                  actions={[
                    <Button key="open" type="primary" size="small" onClick={() => setSelected({ id: i.id, action })}>
                      审核
                    </Button>,
                  ]}
                >
                  <Space>
                    <Typography.Text strong>{i.registrationNumber}</Typography.Text>
                    <Tag>{label(STATUS_LABELS, i.status)}</Tag>
                    <Tag color="purple">{label(ACTION_LABELS, action)}</Tag>
                    {i.dueOn && <span>答复期限 {i.dueOn}</span>}
                    {i.overdue && <Countdown days={-1} />}
                  </Space>
                </List.Item>
              );
            }}
          />
        ) : (
          <Empty description="没有待审核的事项" />
        )}
      </Card>
      {selected && (
        <DraftPanel
          key={`${selected.id}-${selected.action}`}
          id={selected.id}
          action={selected.action}
          onDone={async () => {
            // The queue as it is now (the step moved the case on) before the panel closes.
            await qc.invalidateQueries({ queryKey: ['inbox'] });
            setSelected(null);
          }}
        />
      )}
    </Space>
  );
}

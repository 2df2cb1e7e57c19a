import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Form,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api, ApiFailure, newKey, ok, takeAction } from '../api/client';
import { as, type ApplicationView, type DeadlineDto, type NoticeSummary } from '../api/types';
import { ActionFields, type Ground, type JsonSchema, toBody } from '../components/ActionForm';
import { Countdown } from '../format';
import { describeError } from '../i18n/error-messages';
import { ACTION_LABELS, CHANNEL_LABELS, STATUS_LABELS, STEP_LABELS, VALUE_LABELS, label } from '../i18n/labels';
import { navigate } from '../router';
import type { Session } from '../session';
import { officeTime } from '../today';

const STAGES: { title: string; statuses: string[] }[] = [
  { title: '收到登记', statuses: ['awaiting_confirmation', 'registered'] },
  { title: '审查', statuses: ['triage', 'correction_requested'] },
  { title: '办理', statuses: ['assigned', 'searching', 'consulting', 'reasons_requested', 'extension_requested'] },
  { title: '拟定答复', statuses: ['decision_drafted'] },
  { title: '审核审批', statuses: ['confidentiality_review', 'approval', 'fee_pending'] },
  { title: '出具告知书', statuses: ['notice_issued'] },
  { title: '送达', statuses: ['delivered'] },
  { title: '办结', statuses: ['closed'] },
];

export function useActionBodies() {
  return useQuery({
    queryKey: ['action-bodies'],
    queryFn: () => as<Record<string, JsonSchema>>(ok(api.GET('/api/reference/action-bodies'))),
    staleTime: Infinity,
  });
}

export function useGrounds(regime: string | null | undefined) {
  return useQuery({
    queryKey: ['grounds', regime],
    enabled: !!regime,
    queryFn: async () =>
      (await ok(api.GET('/api/reference/withholding-grounds', { params: { query: { regime: regime as '2019' } } }))).grounds as Ground[],
    staleTime: Infinity,
  });
}

/** One step's dialog: its form from the body schema; the API's refusal shown in Chinese, nothing lost. */
export function ActionDialog({
  caseId,
  action,
  schema,
  grounds,
  onClose,
  onDone,
}: {
  caseId: string;
  action: string;
  schema: JsonSchema;
  grounds: Ground[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const key = useRef(newKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; detail?: string } | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await takeAction(caseId, action, toBody(values), key.current);
      onDone();
    } catch (err) {
      setError(describeError(err));
      // Another body needs another key; the same body retried keeps it (applied once).
      if (err instanceof ApiFailure && err.status < 500) key.current = newKey();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={label(ACTION_LABELS, action)}
      onCancel={onClose}
      onOk={submit}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      width={720}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error.title} description={error.detail} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical">
        <ActionFields schema={schema} grounds={grounds} />
      </Form>
    </Modal>
  );
}

export function LetterList({ caseId }: { caseId: string }) {
  const [preview, setPreview] = useState<{ id: string; number: string } | null>(null);
  const letters = useQuery({
    queryKey: ['notices', caseId],
    queryFn: () => as<NoticeSummary[]>(ok(api.GET('/api/applications/{id}/notices', { params: { path: { id: caseId } } }))),
  });
  if (!letters.data?.length) return <Empty description="尚未出具文书" />;
  return (
    <>
      <Space direction="vertical" style={{ width: '100%' }}>
        {letters.data.map((n) => (
          <Card
            key={n.id}
            size="small"
            title={n.number}
            extra={<Typography.Text type="secondary">{officeTime(n.issuedAt)}</Typography.Text>}
          >
            <Space wrap>
              <Button size="small" onClick={() => setPreview({ id: n.id, number: n.number })}>
                预览
              </Button>
              <Button size="small" href={`/api/notices/${n.id}.pdf`} target="_blank">
                下载PDF
              </Button>
              <Button size="small" href={`/api/notices/${n.id}.docx`}>
                下载Word
              </Button>
            </Space>
          </Card>
        ))}
      </Space>
      <Modal open={!!preview} title={preview?.number} footer={null} onCancel={() => setPreview(null)} width={860}>
        {preview && (
          <iframe
            title={`文书预览 ${preview.number}`}
            src={`/api/notices/${preview.id}.html`}
            style={{ width: '100%', height: '70vh', border: '1px solid #eee' }}
          />
        )}
      </Modal>
    </>
  );
}

export default function CaseDetail({ id, session }: { id: string; session: Session }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const view = useQuery({
    queryKey: ['case', id],
    queryFn: () => as<ApplicationView>(ok(api.GET('/api/applications/{id}', { params: { path: { id } } }))),
  });
  const deadline = useQuery({
    queryKey: ['deadline', id],
    queryFn: () => as<DeadlineDto>(ok(api.GET('/api/applications/{id}/deadline', { params: { path: { id } } }))),
    enabled: view.isSuccess,
  });
  const actions = useQuery({
    queryKey: ['actions', id],
    queryFn: () => as<{ action: string }[]>(ok(api.GET('/api/applications/{id}/actions', { params: { path: { id } } }))),
    enabled: view.isSuccess,
  });
  const history = useQuery({
    queryKey: ['history', id],
    queryFn: () => ok(api.GET('/api/applications/{id}/history', { params: { path: { id } } })),
    enabled: view.isSuccess,
  });
  const bodies = useActionBodies();
  const grounds = useGrounds(view.data?.regime ?? '2019');
  const stage = useMemo(() => STAGES.findIndex((s) => s.statuses.includes(view.data?.status ?? '')), [view.data?.status]);

  if (view.isLoading) return <Spin tip="正在加载…" />;
  if (view.error) {
    const e = describeError(view.error);
    return (
      <Result
        status={view.error instanceof ApiFailure && view.error.status === 404 ? '404' : 'error'}
        title={e.title}
        extra={<Button onClick={() => navigate('/')}>返回我的待办</Button>}
      />
    );
  }
  const c = view.data!;
  const refresh = async () => {
    await Promise.all(['case', 'deadline', 'actions', 'history', 'notices'].map((k) => qc.invalidateQueries({ queryKey: [k, id] })));
  };
  const offered = (actions.data ?? []).map((a) => a.action);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          {c.registrationNumber} <Tag>{label(STATUS_LABELS, c.status)}</Tag>
          {c.letterFailed && <Tag color="red">文书出具失败，待主管重新出具</Tag>}
          {(session.user.role === 'auditor' || session.user.role === 'supervisor') && (
            <Button size="small" style={{ marginLeft: 8 }} onClick={() => navigate(`/audit?case=${id}`)}>
              审计记录
            </Button>
          )}
        </Typography.Title>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="申请人">{c.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="提交渠道">{label(CHANNEL_LABELS, c.channel)}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{c.receivedOn ?? '待确认'}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <Space>
              {c.dueOn ?? '—'}
              <Countdown days={c.workingDaysLeft} paused={c.clockPausedFor} />
              {deadline.data?.deadline?.provisionalYears?.length ? <Tag color="gold">节假日安排未正式公布，期限为暂定</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="适用条例">{c.regime ? `${c.regime}年条例` : '—'}</Descriptions.Item>
          <Descriptions.Item label="承办人">{c.assignee ?? '未分办'}</Descriptions.Item>
          <Descriptions.Item label="申请内容" span={3}>
            {c.request.description}
          </Descriptions.Item>
          {c.replyKind && <Descriptions.Item label="答复类型">{label(VALUE_LABELS, c.replyKind)}</Descriptions.Item>}
        </Descriptions>
        {deadline.data?.deadline && (
          <Collapse
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'how',
                label: '期限如何计算',
                children: (
                  <ul style={{ margin: 0 }}>
                    {deadline.data.deadline.text.map((t, i) => (
                      <li key={i}>{t}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card>
        <Steps size="small" current={Math.max(stage, 0)} items={STAGES.map((s) => ({ title: s.title }))} />
      </Card>
      <Card title="可办理的操作">
        {offered.length ? (
          <Space wrap>
            {offered.map((a) => (
              <Button
                key={a}
                type={a === 'withdraw' ? 'default' : 'primary'}
                danger={a === 'withdraw'}
                onClick={() => setOpen(a)}
                disabled={!bodies.data}
              >
                {label(ACTION_LABELS, a)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">当前没有您可以办理的操作。</Typography.Text>
        )}
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="办理过程">
            <Timeline
              items={(history.data ?? []).map((s) => ({
                children: (
                  <div>
                    <Typography.Text strong>{STEP_LABELS[s.type] ?? s.type}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {officeTime(s.occurredAt)} · {s.actor}
                    </Typography.Text>
                    {s.comment && <div>备注：{s.comment}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="文书">
            <LetterList caseId={id} />
          </Card>
        </Col>
      </Row>
      {open && bodies.data && (
        <ActionDialog
          caseId={id}
          action={open}
          schema={bodies.data[open]}
          grounds={grounds.data ?? []}
          onClose={() => setOpen(null)}
          onDone={() => {
            message.success(`已提交：${label(ACTION_LABELS, open)}`);
            setOpen(null);
            void refresh();
          }}
        />
      )}
    </Space>
  );
}

// 审计: the audit-chain check, one case's history (its steps with the Temporal events that led to
// each, the case as it stood at a chosen moment, its replay against today's code, its file as a
// ZIP with SHA-256 hashes) and the replay verification of every case closed in a period, run as
// a workflow whose progress this page follows. Auditors and supervisors; the server checks.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Progress,
  Row,
  Select,
  Slider,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, newKey, ok, type Schemas } from '../api/client';
import { as } from '../api/types';
import { CaseLink } from '../format';
import { describeError } from '../i18n/error-messages';
import { STATUS_LABELS, STEP_LABELS, TEMPORAL_EVENT_LABELS, WORKFLOW_PART_LABELS } from '../i18n/labels';
import { navigate, useLocation } from '../router';
import { officeTime, officeToday } from '../today';

type ReplayJob = Schemas['ReplayJobDto'];

interface TimelineEntry {
  at: string;
  source: 'case' | 'temporal';
  type: string;
  seq?: number;
  actor?: string;
  role?: string;
  status?: string;
  eventId?: number;
  detail?: Record<string, unknown>;
}
interface CaseAt {
  moment: string;
  exists: boolean;
  asOfSeq: number;
  lastStep: { seq: number; type: string; actor: string; at: string } | null;
  steps: number;
  status?: string | null;
  dueOn?: string | null;
  assignee?: string | null;
  department?: string | null;
  overdue?: boolean;
  clockPausedFor?: string | null;
}

const time = (iso: string) => officeTime(iso, true);

/** What a Temporal event carried, in words: the Update or activity by name, a timer's delay, a failure. */
function eventDetail(d: Record<string, unknown> = {}): string {
  const part = (v: unknown) => (typeof v === 'string' ? (WORKFLOW_PART_LABELS[v] ? `${WORKFLOW_PART_LABELS[v]}（${v}）` : v) : '');
  const out: string[] = [];
  if (d.update) out.push(`请求：${part(d.update)}`);
  if (d.signal) out.push(`信号：${part(d.signal)}`);
  if (d.activity) out.push(`任务：${part(d.activity)}`);
  if (d.timerId !== undefined) out.push(`计时器 ${String(d.timerId)}`);
  if (typeof d.firesAfterMs === 'number') {
    const hours = d.firesAfterMs / 3_600_000;
    out.push(hours >= 48 ? `${(hours / 24).toFixed(1)} 天后到期` : `${hours.toFixed(1)} 小时后到期`);
  }
  if (d.failed === true) out.push(`失败：${String(d.failure ?? '')}`);
  return out.join('；');
}

export default function Audit() {
  const { search } = useLocation();
  const caseId = search.get('case');
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        审计
      </Typography.Title>
      <ChainCheck />
      <CasePicker current={caseId} />
      {caseId && <CaseAudit key={caseId} id={caseId} />}
      <PeriodReplay />
    </>
  );
}

function ChainCheck() {
  const [result, setResult] = useState<{
    ok: boolean;
    events: number;
    firstBadEvent?: { id: string; applicationId: string | null; seq: number | null; problem: string };
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await as<NonNullable<typeof result>>(ok(api.GET('/api/audit/verify'))));
    } catch (err) {
      setError(describeError(err).title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>审计日志完整性</h3>} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          每条办理记录都带有前一条记录的哈希值，任何删改都会使其后的校验失败。校验逐条重新计算全部记录的哈希。
        </Typography.Text>
        <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()}>
          校验审计链
        </Button>
        {error && <Alert type="error" showIcon message={error} />}
        {result &&
          (result.ok ? (
            <Alert type="success" showIcon message={`审计链完整：共 ${result.events} 条记录，逐条校验一致。`} data-testid="chain-result" />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="chain-result"
              message={`审计链校验未通过：共 ${result.events} 条记录，第一条异常记录如下。`}
              description={
                result.firstBadEvent && (
                  <span>
                    记录 {result.firstBadEvent.id}
                    {result.firstBadEvent.applicationId && (
                      <>
                        {'，案件 '}
                        <CaseLink id={result.firstBadEvent.applicationId}>{result.firstBadEvent.applicationId}</CaseLink>
                      </>
                    )}
                    {result.firstBadEvent.seq !== null ? `，第 ${result.firstBadEvent.seq} 步` : ''}：{result.firstBadEvent.problem}
                  </span>
                )
              }
            />
          ))}
      </Space>
    </Card>
  );
}

function CasePicker({ current }: { current: string | null }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['audit-search', q],
    queryFn: () => ok(api.GET('/api/applications', { params: { query: { q, pageSize: 20 } } })),
    enabled: q.trim().length >= 2,
  });
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>案件审计</h3>} style={{ marginBottom: 16 }}>
      <Select
        showSearch
        aria-label="查找案件"
        style={{ width: 480 }}
        placeholder="输入完整登记编号，或申请人姓名、申请内容中的词语"
        filterOption={false}
        onSearch={setQ}
        value={current ?? undefined}
        onChange={(id: string) => navigate(`/audit?case=${id}`)}
        notFoundContent={q.trim().length < 2 ? '请输入至少两个字' : '没有找到'}
        options={(found.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.registrationNumber} · ${c.applicant.name} · ${STATUS_LABELS[c.status] ?? c.status}`,
        }))}
      />
    </Card>
  );
}

function CaseAudit({ id }: { id: string }) {
  const { message } = App.useApp();
  const timeline = useQuery({
    queryKey: ['timeline', id],
    queryFn: () =>
      as<{ id: string; temporalHistory: boolean; entries: TimelineEntry[] }>(
        ok(api.GET('/api/applications/{id}/timeline', { params: { path: { id } } })),
      ),
  });
  const view = useQuery({ queryKey: ['case', id], queryFn: () => ok(api.GET('/api/applications/{id}', { params: { path: { id } } })) });
  const [replay, setReplay] = useState<{ ok: number; failures: { kind: string; error: string }[] } | null>(null);
  const [replaying, setReplaying] = useState(false);
  const replayCase = async () => {
    setReplaying(true);
    try {
      setReplay(await ok(api.POST('/api/audit/replay', { body: { applicationId: id } })));
    } catch (err) {
      message.error(describeError(err).title);
    } finally {
      setReplaying(false);
    }
  };
  if (timeline.error) return <Alert type="error" showIcon message={describeError(timeline.error).title} style={{ marginBottom: 16 }} />;
  const entries = timeline.data?.entries ?? [];
  const steps = entries.filter((e) => e.source === 'case' && (e.seq ?? 0) > 0);
  return (
    <Card
      loading={timeline.isLoading}
      style={{ marginBottom: 16 }}
      title={
        view.data ? (
          <Space>
            <CaseLink id={id}>{view.data.registrationNumber}</CaseLink>
            <Tag>{STATUS_LABELS[view.data.status as unknown as string] ?? String(view.data.status)}</Tag>
          </Space>
        ) : (
          '案件'
        )
      }
      extra={
        <Space>
          <Button loading={replaying} onClick={() => void replayCase()}>
            重放校验本案
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/applications/${id}/case-file`}>
            下载案卷（ZIP）
          </Button>
        </Space>
      }
    >
      {replay &&
        (replay.failures.length === 0 ? (
          <Alert
            type="success"
            showIcon
            message="重放校验通过：本案的流程历史在当前程序下重放结果一致。"
            style={{ marginBottom: 16 }}
            data-testid="case-replay"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="case-replay"
            message="重放校验未通过"
            description={replay.failures.map((f) => `${f.kind}: ${f.error}`).join('；')}
            style={{ marginBottom: 16 }}
          />
        ))}
      {timeline.data && !timeline.data.temporalHistory && (
        <Alert type="info" showIcon message="该案件的流程历史已超过保留期限，以下仅显示办理记录。" style={{ marginBottom: 16 }} />
      )}
      {steps.length > 0 && <MomentSlider id={id} steps={steps} />}
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
        办理记录与流程事件
      </Typography.Title>
      <StepTimeline entries={entries} />
    </Card>
  );
}

/** A slider over the case's history, a mark at each step; the case as it stood at the chosen moment. */
function MomentSlider({ id, steps }: { id: string; steps: TimelineEntry[] }) {
  const times = steps.map((s) => Date.parse(s.at));
  const min = times[0];
  const max = Math.max(times[times.length - 1], min + 1000);
  const [value, setValue] = useState(max);
  const [moment, setMoment] = useState(max);
  useEffect(() => {
    const t = setTimeout(() => setMoment(value), 250);
    return () => clearTimeout(t);
  }, [value]);
  const at = useQuery({
    queryKey: ['case-at', id, moment],
    queryFn: () =>
      as<CaseAt>(ok(api.GET('/api/applications/{id}/at', { params: { path: { id }, query: { moment: new Date(moment).toISOString() } } }))),
  });
  const marks = useMemo(
    () => Object.fromEntries(steps.map((s) => [Date.parse(s.at), { label: <span style={{ fontSize: 11 }}>{s.seq}</span> }])),
    [steps],
  );
  const a = at.data;
  return (
    <div>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        某一时刻的案件状态
      </Typography.Title>
      <Slider
        min={min}
        max={max}
        value={value}
        marks={marks}
        step={null}
        onChange={(v) => setValue(v as number)}
        tooltip={{ formatter: (v) => (v ? time(new Date(v).toISOString()) : '') }}
        ariaLabelForHandle="选择时刻"
      />
      <Descriptions size="small" column={3} bordered data-testid="case-at">
        <Descriptions.Item label="时刻">{time(new Date(moment).toISOString())}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {a ? (a.exists ? (STATUS_LABELS[a.status ?? ''] ?? a.status ?? '—') : '尚未登记') : '…'}
        </Descriptions.Item>
        <Descriptions.Item label="截至步骤">
          {a?.lastStep ? `第 ${a.lastStep.seq} 步：${STEP_LABELS[a.lastStep.type] ?? a.lastStep.type}（${a.lastStep.actor}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="答复期限">{a?.dueOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="承办人">{a?.assignee ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="当时是否逾期">{a ? (a.overdue ? '是' : '否') : '…'}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * The recorded steps in order, each with the Temporal events that followed it folded beneath it:
 * a step is stamped when the workflow takes it, so the Update that carried it, the timers it
 * armed and the activities it started come after it, until the next step.
 */
function StepTimeline({ entries }: { entries: TimelineEntry[] }) {
  const groups: { step: TimelineEntry | null; events: TimelineEntry[] }[] = [];
  for (const e of entries) {
    if (e.source === 'case') groups.push({ step: e, events: [] });
    else if (groups.length) groups[groups.length - 1].events.push(e);
    else groups.push({ step: null, events: [e] });
  }
  if (!groups.length) return <Empty description="没有记录" />;
  return (
    <Timeline
      items={groups.map((g, i) => ({
        key: i,
        color: g.step ? ((g.step.seq ?? 0) < 0 ? 'purple' : 'red') : 'gray',
        children: (
          <div data-testid="timeline-step">
            {g.step ? (
              <Space wrap>
                <Typography.Text strong>
                  {(g.step.seq ?? 0) > 0 ? `第 ${g.step.seq} 步 ` : ''}
                  {STEP_LABELS[g.step.type] ?? g.step.type}
                </Typography.Text>
                <Typography.Text type="secondary">{time(g.step.at)}</Typography.Text>
                {g.step.actor && <Tag>{g.step.actor}</Tag>}
                {g.step.status && <Tag color="blue">{STATUS_LABELS[g.step.status] ?? g.step.status}</Tag>}
              </Space>
            ) : (
              <Typography.Text type="secondary">登记之前的流程事件</Typography.Text>
            )}
            {g.events.length > 0 && (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'events',
                    label: `流程事件（${g.events.length}）`,
                    children: (
                      <Table<TimelineEntry>
                        size="small"
                        rowKey={(e) => String(e.eventId ?? e.at + e.type)}
                        pagination={false}
                        dataSource={g.events}
                        columns={[
                          { title: '编号', dataIndex: 'eventId', width: 70 },
                          { title: '时间', dataIndex: 'at', width: 170, render: time },
                          { title: '事件', dataIndex: 'type', render: (t: string) => `${TEMPORAL_EVENT_LABELS[t] ?? ''} ${t}` },
                          {
                            title: '详情',
                            dataIndex: 'detail',
                            render: (d?: Record<string, unknown>) => eventDetail(d),
                          },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            )}
          </div>
        ),
      }))}
    />
  );
}

/** 重放校验（按期间）: starts the job, follows its progress, lists what did not replay; the office's recent jobs. */
function PeriodReplay() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([officeToday().startOf('month'), officeToday()]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useQuery({
    queryKey: ['replay-job', jobId],
    queryFn: () => ok(api.GET('/api/audit/replay-jobs/{jobId}', { params: { path: { jobId: jobId! } } })) as Promise<ReplayJob>,
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.status === 'completed' ? false : 1000),
  });
  const jobs = useQuery({ queryKey: ['replay-jobs'], queryFn: () => ok(api.GET('/api/audit/replay-jobs')) as Promise<ReplayJob[]> });
  useEffect(() => {
    if (job.data?.status === 'completed') void qc.invalidateQueries({ queryKey: ['replay-jobs'] });
  }, [job.data?.status, qc]);
  const start = async () => {
    setStarting(true);
    try {
      const j = (await ok(
        api.POST('/api/audit/replay-jobs', {
          body: { closedFrom: range[0].format('YYYY-MM-DD'), closedTo: range[1].add(1, 'day').format('YYYY-MM-DD') },
          params: { header: { 'Idempotency-Key': newKey() } as never },
        }),
      )) as ReplayJob;
      setJobId(j.id);
    } catch (err) {
      message.error(describeError(err).title);
    } finally {
      setStarting(false);
    }
  };
  const j = job.data;
  const percent = j ? (j.total ? Math.floor((j.done / j.total) * 100) : 100) : 0;
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>重放校验（按办结期间）</h3>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        用当前程序重放期间内办结的全部案件的流程历史：结果一致说明程序升级没有改变已办结案件的办理过程。校验在后台进行，可离开本页。
      </Typography.Paragraph>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label="办结期间"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          disabledDate={(d) => d.isAfter(officeToday(), 'day')}
        />
        <Button type="primary" loading={starting} onClick={() => void start()}>
          开始重放校验
        </Button>
      </Space>
      {j && (
        <div style={{ marginTop: 16 }} data-testid="replay-job">
          <Row gutter={16} align="middle">
            <Col flex="auto">
              <Progress
                percent={percent}
                status={j.status === 'completed' ? (j.failed ? 'exception' : 'success') : 'active'}
                aria-label="重放进度"
              />
            </Col>
            <Col>
              <Typography.Text data-testid="replay-counts">
                {j.status === 'completed' ? '已完成' : '进行中'}：{j.done} / {j.total} 件，一致 {j.ok} 件，不一致 {j.failed} 件
              </Typography.Text>
            </Col>
          </Row>
          {j.status === 'completed' && j.failures.length > 0 && (
            <Table
              size="small"
              rowKey="applicationId"
              pagination={false}
              dataSource={j.failures}
              columns={[
                {
                  title: '登记编号',
                  dataIndex: 'registrationNumber',
                  render: (v: string, r) => <CaseLink id={r.applicationId}>{v}</CaseLink>,
                },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  render: (k: string) => ({ divergence: '重放不一致', missing: '历史缺失', error: '读取失败' })[k] ?? k,
                },
                { title: '说明', dataIndex: 'error', ellipsis: true },
              ]}
            />
          )}
        </div>
      )}
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 24 }}>
        最近的校验
      </Typography.Title>
      <Table<ReplayJob>
        size="small"
        rowKey="id"
        pagination={false}
        loading={jobs.isLoading}
        dataSource={jobs.data ?? []}
        locale={{ emptyText: '尚无校验记录' }}
        columns={[
          {
            title: '办结期间',
            key: 'period',
            render: (_, r) => `${r.closedFrom} 至 ${dayjs(r.closedTo).subtract(1, 'day').format('YYYY-MM-DD')}`,
          },
          { title: '发起人', dataIndex: 'startedBy' },
          { title: '发起时间', dataIndex: 'startedAt', render: time },
          {
            title: '结果',
            key: 'result',
            render: (_, r) =>
              r.status === 'completed' ? (
                <Tag color={r.failed ? 'red' : 'green'}>
                  {r.ok} / {r.total} 一致
                </Tag>
              ) : (
                <Tag color="blue">
                  进行中 {r.done} / {r.total}
                </Tag>
              ),
          },
          {
            title: '',
            key: 'open',
            render: (_, r) => (
              <Button size="small" onClick={() => setJobId(r.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

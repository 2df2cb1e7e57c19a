// 督办: what is late and what will be late, by department and by assignee, with the supervisor's
// bulk actions (reassign, remind) and the decisions waiting for a supervisor (extensions, petition
// classifications). The server decides what a supervisor may do; this page only offers it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api, newKey, ok, takeAction, type Schemas } from '../api/client';
import { type ApplicationView, as, type BoardCase, type BoardDto, type BoardGroup, type CaseStep, type InboxDto } from '../api/types';
import { CaseLink, Countdown } from '../format';
import { describeError } from '../i18n/error-messages';
import { STATUS_LABELS, VALUE_LABELS } from '../i18n/labels';
import { useDepartmentNames } from '../departments';
import type { Session } from '../session';
import { officeTime } from '../today';

type Clerk = Schemas['ClerkLoadDto'];

export default function Board({ session }: { session: Session }) {
  const [days, setDays] = useState(5);
  const board = useQuery({
    queryKey: ['board', days],
    queryFn: () => as<BoardDto>(ok(api.GET('/api/supervision/board', { params: { query: { days: String(days) } } }))),
  });
  const canAct = session.user.role === 'supervisor';
  const inbox = useQuery({
    queryKey: ['inbox'],
    queryFn: () => as<InboxDto>(ok(api.GET('/api/me/inbox'))),
    enabled: canAct,
  });
  const extensions = (inbox.data?.items ?? []).filter((i) => i.actions.includes('decide-extension'));
  const petitions = (inbox.data?.items ?? []).filter((i) => i.actions.includes('confirm-petition'));
  const b = board.data;
  const tabs = b
    ? [
        { key: 'overdue', label: `已超期（${b.overdue.count}）`, children: <CaseGroup group={b.overdue} canAct={canAct} kind="overdue" /> },
        {
          key: 'dueSoon',
          label: `${b.days}个工作日内到期（${b.dueSoon.count}）`,
          children: <CaseGroup group={b.dueSoon} canAct={canAct} kind="dueSoon" />,
        },
        {
          key: 'held',
          label: `停用账户名下（${b.heldByDeactivated.count}）`,
          children: <CaseGroup group={b.heldByDeactivated} canAct={canAct} kind="held" />,
        },
        ...(canAct
          ? [
              {
                key: 'extensions',
                label: `延期申请待批（${extensions.length}）`,
                children: <DecisionQueue items={extensions} action="decide-extension" />,
              },
              {
                key: 'petitions',
                label: `信访分类待确认（${petitions.length}）`,
                children: <DecisionQueue items={petitions} action="confirm-petition" />,
              },
            ]
          : []),
      ]
    : [];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        督办
      </Typography.Title>
      {board.error && <Alert type="error" showIcon message={describeError(board.error).title} />}
      {b && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}>
            <Card>
              <Statistic title="已超期" value={b.overdue.count} valueStyle={{ color: '#b91c1c' }} suffix="件" />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic
                title={`${b.days}个工作日内到期（至 ${b.dueSoonUntil}）`}
                value={b.dueSoon.count}
                valueStyle={{ color: '#b45309' }}
                suffix="件"
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title="停用账户名下待改派" value={b.heldByDeactivated.count} suffix="件" />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic
                title="待主管决定（延期、信访分类）"
                value={canAct ? extensions.length + petitions.length : '—'}
                suffix={canAct ? '件' : ''}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Space style={{ marginBottom: 8 }}>
        <label htmlFor="board-days">即将到期：</label>
        <InputNumber id="board-days" min={0} max={60} value={days} onChange={(v) => v !== null && setDays(v)} addonAfter="个工作日内" />
        {b && <Typography.Text type="secondary">今天：{b.today}</Typography.Text>}
      </Space>
      <Card loading={board.isLoading}>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}

function CaseGroup({ group, canAct, kind }: { group: BoardGroup; canAct: boolean; kind: 'overdue' | 'dueSoon' | 'held' }) {
  const department = useDepartmentNames();
  const [selected, setSelected] = useState<string[]>([]);
  const [dept, setDept] = useState<string | null | undefined>(undefined);
  const [assignee, setAssignee] = useState<string | null | undefined>(undefined);
  const items = group.items.filter(
    (i) => (dept === undefined || i.department === dept) && (assignee === undefined || i.assignee === assignee),
  );
  if (group.count === 0) return <Empty description={kind === 'overdue' ? '没有超期案件' : '没有案件'} />;
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          按科室
        </Typography.Title>
        <CountList
          rows={group.byDepartment.map((d) => ({ key: d.department, label: department(d.department), count: d.count }))}
          active={dept}
          onPick={(k) => setDept(dept === k ? undefined : k)}
        />
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          按承办人
        </Typography.Title>
        <CountList
          rows={group.byAssignee.map((a) => ({ key: a.assignee, label: a.assignee ?? '未分办', count: a.count }))}
          active={assignee}
          onPick={(k) => setAssignee(assignee === k ? undefined : k)}
        />
      </Col>
      <Col span={18}>
        {canAct && <BulkBar selected={selected} onDone={() => setSelected([])} />}
        {group.count > group.items.length && (
          <Typography.Paragraph type="secondary">
            共 {group.count} 件，列出最紧急的 {group.items.length} 件。
          </Typography.Paragraph>
        )}
        <Table<BoardCase>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          rowSelection={
            canAct
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (r) => ({ 'aria-label': `选择 ${r.registrationNumber}` }) as never,
                }
              : undefined
          }
          rowClassName={(r) => ((r.workingDaysLeft ?? 0) < 0 ? 'row-overdue' : '')}
          columns={[
            { title: '登记编号', dataIndex: 'registrationNumber', render: (v: string, r) => <CaseLink id={r.id}>{v}</CaseLink> },
            { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABELS[v] ?? v },
            { title: '承办科室', dataIndex: 'department', render: (v: string | null) => department(v) },
            { title: '承办人', dataIndex: 'assignee', render: (v: string | null) => v ?? '未分办' },
            { title: '答复期限', dataIndex: 'dueOn', render: (v: string | null) => v ?? '—' },
            { title: '剩余/逾期', dataIndex: 'workingDaysLeft', render: (v: number | null) => <Countdown days={v} /> },
          ]}
        />
      </Col>
    </Row>
  );
}

function CountList({
  rows,
  active,
  onPick,
}: {
  rows: { key: string | null; label: string; count: number }[];
  active: string | null | undefined;
  onPick: (key: string | null) => void;
}) {
  return (
    <List
      size="small"
      bordered
      dataSource={rows}
      renderItem={(r) => (
        <List.Item
          style={{ cursor: 'pointer', background: active === r.key ? '#fee2e2' : undefined }}
          onClick={() => onPick(r.key)}
          actions={[<Tag key="n">{r.count} 件</Tag>]}
        >
          <button type="button" className="link-button" aria-pressed={active === r.key}>
            {r.label}
          </button>
        </List.Item>
      )}
    />
  );
}

/** 改派 and 督办提醒 for the selected cases: one request each, with an Idempotency-Key, and the refusals listed. */
function BulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const department = useDepartmentNames();
  const clerks = useQuery({ queryKey: ['clerks'], queryFn: () => ok(api.GET('/api/supervision/clerks')) as Promise<Clerk[]> });
  const [to, setTo] = useState<string | undefined>();
  const [remindOpen, setRemindOpen] = useState(false);
  const [words, setWords] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per selection and assignee: a retried click sends the same request again.
  const key = useMemo(() => newKey(), [selected, to]);
  const report = (title: string, results: { ok: boolean; applicationId: string; message?: string }[]) => {
    const refused = results.filter((r) => !r.ok);
    if (refused.length)
      modal.warning({
        title,
        content: (
          <ul>
            {refused.map((r) => (
              <li key={r.applicationId}>{r.message}</li>
            ))}
          </ul>
        ),
      });
  };
  const reassign = async () => {
    if (!to) return;
    setBusy(true);
    try {
      const r = await ok(
        api.POST('/api/supervision/reassign', {
          body: { applicationIds: selected, assignee: to },
          params: { header: { 'Idempotency-Key': key } as never },
        }),
      );
      message.success(`已改派 ${r.reassigned} 件${r.refused ? `，${r.refused} 件未改派` : ''}`);
      report(`${r.refused} 件未能改派`, r.results);
      onDone();
      await qc.invalidateQueries({ queryKey: ['board'] });
      await qc.invalidateQueries({ queryKey: ['clerks'] });
    } catch (err) {
      message.error(describeError(err).title);
    } finally {
      setBusy(false);
    }
  };
  const remind = async () => {
    setBusy(true);
    try {
      const r = await ok(
        api.POST('/api/supervision/reminders', {
          body: { applicationIds: selected, ...(words.trim() ? { message: words.trim() } : {}) },
          params: { header: { 'Idempotency-Key': key } as never },
        }),
      );
      message.success(`已发送督办提醒 ${r.sent} 件`);
      report(`${r.refused} 件未能提醒`, r.results);
      setRemindOpen(false);
      setWords('');
      onDone();
    } catch (err) {
      message.error(describeError(err).title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Typography.Text>已选 {selected.length} 件</Typography.Text>
      <Select
        style={{ width: 320 }}
        placeholder="改派给（在岗承办人）"
        aria-label="改派给"
        value={to}
        onChange={setTo}
        showSearch
        optionFilterProp="label"
        options={(clerks.data ?? [])
          .filter((c) => c.department)
          .map((c) => ({
            value: c.username,
            label: `${c.displayName} · ${department(c.department)} · 在办 ${c.openCases} 件`,
          }))}
      />
      <Button type="primary" disabled={!selected.length || !to} loading={busy} onClick={() => void reassign()}>
        改派
      </Button>
      <Button disabled={!selected.length} onClick={() => setRemindOpen(true)}>
        督办提醒
      </Button>
      <Modal
        title={`督办提醒（${selected.length} 件）`}
        open={remindOpen}
        onOk={() => void remind()}
        okText="发送"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setRemindOpen(false)}
      >
        <p>提醒将发送给各案件的承办人（未分办的发送给所在科室的承办人员）。</p>
        <Input.TextArea
          aria-label="督办意见"
          maxLength={500}
          showCount
          rows={3}
          value={words}
          onChange={(e) => setWords(e.target.value)}
          placeholder="督办意见（可选），如：请于本周内办结"
        />
      </Modal>
    </Space>
  );
}

/** A supervisor's decision queue: the cases on the left, the facts and the request of the one chosen on the right. */
function DecisionQueue({ items, action }: { items: InboxDto['items']; action: 'decide-extension' | 'confirm-petition' }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = items.find((i) => i.id === chosen) ?? items[0];
  if (!items.length) return <Empty description={action === 'decide-extension' ? '没有待批的延期申请' : '没有待确认的信访分类'} />;
  return (
    <Row gutter={16}>
      <Col span={8}>
        <List
          bordered
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item style={{ background: current?.id === i.id ? '#fee2e2' : undefined }}>
              <button type="button" className="link-button" aria-pressed={current?.id === i.id} onClick={() => setChosen(i.id)}>
                {i.registrationNumber}
              </button>
              <Space size={4}>
                <Typography.Text type="secondary">期限 {i.dueOn ?? '—'}</Typography.Text>
                {i.overdue && <Tag color="red">已超期</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Col>
      <Col span={16}>{current && <DecisionPanel key={current.id} id={current.id} action={action} />}</Col>
    </Row>
  );
}

function DecisionPanel({ id, action }: { id: string; action: 'decide-extension' | 'confirm-petition' }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const department = useDepartmentNames();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newKey(), []);
  const c = useQuery({
    queryKey: ['case', id],
    queryFn: () => as<ApplicationView>(ok(api.GET('/api/applications/{id}', { params: { path: { id } } }))),
  });
  const history = useQuery({
    queryKey: ['history', id],
    queryFn: () => as<CaseStep[]>(ok(api.GET('/api/applications/{id}/history', { params: { path: { id } } }))),
  });
  // The request being decided: the latest extension request, or the triage that classified it as a petition.
  const request = [...(history.data ?? [])]
    .reverse()
    .find((s) => s.type === (action === 'decide-extension' ? 'request-extension' : 'triage'));
  const decide = async (approve: boolean) => {
    setBusy(true);
    try {
      await takeAction(id, action, { approve, ...(comment.trim() ? { comment: comment.trim() } : {}) }, `${key}-${approve}`);
      message.success(
        action === 'decide-extension'
          ? approve
            ? '已批准延期'
            : '已不予批准延期'
          : approve
            ? '已确认信访分类'
            : '已改按政府信息公开申请办理',
      );
      await qc.invalidateQueries({ queryKey: ['inbox'] });
      await qc.invalidateQueries({ queryKey: ['board'] });
    } catch (err) {
      message.error(describeError(err).title);
    } finally {
      setBusy(false);
    }
  };
  const v = c.data;
  return (
    <Card loading={c.isLoading} title={v ? <CaseLink id={id}>{v.registrationNumber}</CaseLink> : null} size="small">
      {v && (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="申请人">{v.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="状态">{STATUS_LABELS[v.status] ?? v.status}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{v.receivedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            {v.dueOn ?? '—'} <Countdown days={v.workingDaysLeft} paused={v.clockPausedFor} />
          </Descriptions.Item>
          <Descriptions.Item label="承办科室">{department(v.department)}</Descriptions.Item>
          <Descriptions.Item label="承办人">{v.assignee ?? '未分办'}</Descriptions.Item>
          <Descriptions.Item label="申请内容" span={2}>
            {v.request.description}
          </Descriptions.Item>
          {request && (
            <Descriptions.Item label={action === 'decide-extension' ? '延期理由' : '审查结论'} span={2}>
              {action === 'decide-extension'
                ? String(request.details.reason ?? '')
                : (VALUE_LABELS[String(request.details.outcome)] ?? String(request.details.outcome))}
              {request.comment ? `（${request.comment}）` : ''}
              <Typography.Text type="secondary">
                {' '}
                — {request.actor}，{officeTime(request.occurredAt)}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Input.TextArea
        style={{ marginTop: 12 }}
        aria-label="意见"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder="意见（可选）"
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} onClick={() => void decide(true)}>
          {action === 'decide-extension' ? '批准延期' : '确认为信访类'}
        </Button>
        <Button danger loading={busy} onClick={() => void decide(false)}>
          {action === 'decide-extension' ? '不予批准' : '不同意，按公开申请办理'}
        </Button>
      </Space>
    </Card>
  );
}

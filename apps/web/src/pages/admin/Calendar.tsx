// 工作日历: a year's arrangement as the engine uses it (holidays and make-up working days), and
// loading the State Council's arrangement for a year from an ICS feed or JSON file: first the
// preview of the open cases whose due day would change (old → new), then apply, with the job
// that carries it to the running cases and its progress.
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { STATUS_LABELS } from '../../i18n/labels';
import { adminOnly, adminKeys, ErrorAlert, formatDay, formatMoment } from './common';
import { officeToday } from '../../today';

type Day = Schemas['CalendarDayDto'];
type Preview = Schemas['CalendarPreviewDto'];
type Job = Schemas['CalendarJobDto'];
/** The body both routes take: the JSON arrangement, or the ICS text. */
type Arrangement = Schemas['CalendarYearDto'] | { ics: string; notice?: string };

const KIND = { holiday: { text: '休', color: 'red' }, workday: { text: '班', color: 'blue' } } as const;

/** What a chosen file holds, as the routes take it; a JSON file may be the days alone. */
function readArrangement(name: string, text: string, year: number): Arrangement {
  if (/\.ics$/i.test(name) || text.includes('BEGIN:VCALENDAR')) return { ics: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('文件既不是 ICS 日历，也不是有效的 JSON。');
  }
  if (Array.isArray(parsed)) return { year, official: true, days: parsed as Day[] };
  return parsed as Schemas['CalendarYearDto'];
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const shortDay = (d: string) => `${dayjs(d).format('M月D日')}(${WEEKDAYS[dayjs(d).day()]})`;

/** The year as an administrator checks it against the notice: one row per holiday, its days off and its make-up working days. */
function GroupedDays({ days, label }: { days: Day[]; label: string }) {
  const groups = new Map<string, { holiday: string[]; workday: string[] }>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const name = (d.name ?? '其他').replace(/调休上班$/, '');
    const g = groups.get(name) ?? { holiday: [], workday: [] };
    g[d.kind].push(d.date);
    groups.set(name, g);
  }
  return (
    <Table
      size="small"
      rowKey="name"
      aria-label={label}
      pagination={false}
      dataSource={[...groups].map(([name, g]) => ({ name, ...g }))}
      columns={[
        { title: '节日', dataIndex: 'name', width: 140 },
        {
          title: <Tag color={KIND.holiday.color}>休</Tag>,
          dataIndex: 'holiday',
          render: (ds: string[]) => (ds.length ? ds.map(shortDay).join('、') : '—'),
        },
        {
          title: <Tag color={KIND.workday.color}>班</Tag>,
          dataIndex: 'workday',
          render: (ds: string[]) => (ds.length ? ds.map(shortDay).join('、') : '—'),
        },
      ]}
    />
  );
}

/** The days the file would change: added, changed or no longer there. */
function DayDifferences({ proposed, current }: { proposed: Day[]; current: Day[] }) {
  const before = new Map(current.map((d) => [d.date, d]));
  const after = new Map(proposed.map((d) => [d.date, d]));
  const rows = [
    ...proposed.filter((d) => before.get(d.date)?.kind !== d.kind).map((d) => ({ ...d, change: before.has(d.date) ? '改变' : '新增' })),
    ...current.filter((d) => !after.has(d.date)).map((d) => ({ ...d, change: '删除（恢复为平常的工作日或周末）' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (!rows.length) return <Typography.Paragraph>文件中的安排与现行日历相同。</Typography.Paragraph>;
  return (
    <Table
      size="small"
      rowKey="date"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '日期', dataIndex: 'date', render: (d: string) => formatDay(d) },
        { title: '安排', dataIndex: 'kind', render: (k: Day['kind']) => <Tag color={KIND[k].color}>{KIND[k].text}</Tag> },
        { title: '节日', dataIndex: 'name', render: (n?: string) => n ?? '—' },
        { title: '变化', dataIndex: 'change', render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
      ]}
    />
  );
}

export default adminOnly(Calendar);

function Calendar() {
  const qc = useQueryClient();
  const thisYear = officeToday().year();
  const [year, setYear] = useState(thisYear);
  const [file, setFile] = useState<{ name: string; body: Arrangement } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // The calendar in force when the file was chosen: what the preview compares with, also after applying.
  const [baseline, setBaseline] = useState<Day[] | undefined>();
  const current = useQuery({
    queryKey: adminKeys.calendarYear(year),
    queryFn: () => ok(api.GET('/api/calendar/years/{year}', { params: { path: { year: String(year) } } })),
  });
  const preview = useMutation({
    mutationFn: (body: Arrangement) =>
      ok(api.POST('/api/admin/calendar/years/{year}/preview', { params: { path: { year: String(year) } }, body: body as never })),
  });
  const apply = useMutation({
    mutationFn: (body: Arrangement) =>
      ok(api.PUT('/api/admin/calendar/years/{year}', { params: { path: { year: String(year) } }, body: body as never })),
    onSuccess: (r) => {
      setJobId(r.job.id);
      void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const job = useQuery({
    queryKey: ['admin', 'calendar-job', jobId],
    queryFn: () => ok(api.GET('/api/admin/calendar/jobs/{id}', { params: { path: { id: jobId! } } })),
    enabled: !!jobId,
    // The job finishes once every case is signalled; each case then recomputes its due day on its own,
    // so the count of changed due days settles a little later: keep looking for 15 s after the end.
    refetchInterval: (q) => {
      const finished = q.state.data?.finishedAt;
      return !finished || Date.now() - Date.parse(String(finished)) < 15_000 ? 1000 : false;
    },
  });

  const choose = async (f: File) => {
    setFileError(null);
    setJobId(null);
    apply.reset();
    preview.reset();
    try {
      const body = readArrangement(f.name, await f.text(), year);
      setFile({ name: f.name, body });
      setBaseline(current.data?.days);
      preview.mutate(body);
    } catch (err) {
      setFile(null);
      setFileError((err as Error).message);
    }
    return false; // read here; nothing is uploaded until 应用
  };
  const changeYear = (y: number) => {
    setYear(y);
    setFile(null);
    setJobId(null);
    preview.reset();
    apply.reset();
  };

  const p = preview.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          工作日历
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          答复期限按工作日计算。每年国务院办公厅公布节假日安排后，请在此载入当年的安排（ICS 日历文件或 JSON
          文件）；载入前可先查看哪些未办结案件的答复期限会因此改变。
        </Typography.Paragraph>
        <Space wrap>
          <Typography.Text id="calendar-year-label">年份</Typography.Text>
          <Select
            id="calendar-year"
            aria-labelledby="calendar-year-label"
            style={{ width: 120 }}
            value={year}
            onChange={changeYear}
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Space>
      </Card>

      <Card title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{`${year}年现行日历`}</Typography.Title>}>
        <ErrorAlert error={current.error} />
        {current.data && (
          <>
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="来源">
                {current.data.official ? (
                  <Tag color="green">已载入正式安排</Tag>
                ) : (
                  <Tag color="orange">未载入正式安排（仅按法定节日推算，期限为暂定）</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="依据">
                {current.data.official ? (current.data.notice ?? '—') : '全国年节及纪念日放假办法'}
              </Descriptions.Item>
              <Descriptions.Item label="节假日">{current.data.days.filter((d) => d.kind === 'holiday').length} 天</Descriptions.Item>
              <Descriptions.Item label="调休上班日">{current.data.days.filter((d) => d.kind === 'workday').length} 天</Descriptions.Item>
            </Descriptions>
            <GroupedDays days={current.data.days} label={`${year}年现行日历`} />
          </>
        )}
      </Card>

      <Card title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{`载入${year}年安排`}</Typography.Title>}>
        <Upload.Dragger accept=".ics,.json,text/calendar,application/json" maxCount={1} showUploadList={false} beforeUpload={choose}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入国务院办公厅节假日安排文件（.ics 或 .json）</p>
          <p style={{ color: '#595959' }}>文件须包含{year}年全年的节假日和调休上班日；选择后先预览，不会立即生效。</p>
        </Upload.Dragger>
        {file && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            已选择文件：<Typography.Text strong>{file.name}</Typography.Text>
          </Typography.Paragraph>
        )}
        {fileError && <Alert type="error" showIcon role="alert" message={fileError} style={{ marginTop: 12 }} />}
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={preview.error} />
        </div>
        {preview.isPending && <Typography.Paragraph>正在预览……</Typography.Paragraph>}
        {p && file && (
          <CalendarPreview preview={p} current={baseline ?? current.data?.days} applied={!!apply.data} jobDone={!!job.data?.finishedAt}>
            {!apply.data && (
              <Space direction="vertical">
                <ErrorAlert error={apply.error} />
                <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate(file.body)}>
                  {`应用：载入${year}年安排`}
                </Button>
              </Space>
            )}
          </CalendarPreview>
        )}
        {job.data && <JobProgress job={job.data} />}
      </Card>
    </Space>
  );
}

function CalendarPreview({
  preview: p,
  current,
  applied,
  jobDone,
  children,
}: {
  preview: Preview;
  current?: Day[];
  applied: boolean;
  jobDone: boolean;
  children: React.ReactNode;
}) {
  // Once the job has told the cases: their due day as they now record it (the first 50 listed).
  const now = useQueries({
    queries: p.changes.slice(0, 50).map((c) => ({
      queryKey: ['application', c.id, 'after-calendar'],
      queryFn: () => ok(api.GET('/api/applications/{id}', { params: { path: { id: c.id } } })),
      enabled: jobDone,
      refetchInterval: (q: { state: { data?: { dueOn?: string | null } } }) => (q.state.data?.dueOn === c.dueOnAfter ? false : 1500),
    })),
  });
  const dueNow = new Map(p.changes.slice(0, 50).map((c, i) => [c.id, now[i]?.data?.dueOn ?? null]));
  return (
    <div data-testid="calendar-preview" style={{ marginTop: 16 }}>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        预览：答复期限会改变的未办结案件
      </Typography.Title>
      <Typography.Paragraph>
        答复期限涉及该年的未办结案件 {p.openCases} 件，已核对 {p.examined} 件，其中 {p.changes.length} 件的答复期限会改变
        {p.unreadable > 0 ? `；${p.unreadable} 件暂时无法核对（载入后仍会更新）` : ''}。
      </Typography.Paragraph>
      {p.changes.length === 0 ? (
        <Empty description="没有案件的答复期限会改变" />
      ) : (
        <Table
          size="small"
          rowKey="id"
          dataSource={p.changes}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '登记编号', dataIndex: 'registrationNumber' },
            { title: '状态', dataIndex: 'status', render: (s: string) => STATUS_LABELS[s] ?? s },
            {
              title: applied ? '原答复期限 → 新答复期限（已应用）' : '现答复期限 → 载入后的答复期限',
              render: (_, c) => (
                <span data-testid={`due-change-${c.registrationNumber}`}>
                  {formatDay(c.dueOn)} → <Typography.Text strong>{formatDay(c.dueOnAfter)}</Typography.Text>
                </span>
              ),
            },
            ...(jobDone
              ? [
                  {
                    title: '案件现答复期限',
                    render: (_: unknown, c: Preview['changes'][number]) => {
                      const d = dueNow.get(c.id);
                      if (!d) return '—';
                      return (
                        <span data-testid={`due-now-${c.registrationNumber}`}>
                          {formatDay(d)} {d === c.dueOnAfter ? <Tag color="green">已更新</Tag> : <Tag color="orange">更新中</Tag>}
                        </span>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
        预览：文件与现行日历的差别
      </Typography.Title>
      <Typography.Paragraph>
        {p.arrangement.notice ? `依据：${p.arrangement.notice}。` : ''}文件共 {p.days} 天：节假日{' '}
        {p.arrangement.days.filter((d) => d.kind === 'holiday').length} 天，调休上班日{' '}
        {p.arrangement.days.filter((d) => d.kind === 'workday').length} 天。
      </Typography.Paragraph>
      {current && <DayDifferences proposed={p.arrangement.days} current={current} />}
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          { key: 'all', label: '查看文件中的全部安排', children: <GroupedDays days={p.arrangement.days} label="文件中的全部安排" /> },
        ]}
      />
      <div style={{ marginTop: 16 }}>{children}</div>
    </div>
  );
}

function JobProgress({ job }: { job: Job }) {
  const done = job.signalled + job.notRunning;
  const percent = job.affected === 0 ? 100 : Math.min(100, Math.round((done / job.affected) * 100));
  return (
    <div data-testid="calendar-job" style={{ marginTop: 16 }}>
      <Alert
        type={job.finishedAt ? 'success' : 'info'}
        showIcon
        message={
          job.finishedAt ? `${job.year}年安排已载入，所有相关案件已更新` : `${job.year}年安排已载入，正在通知相关案件重新计算答复期限……`
        }
        description={
          <>
            <Progress percent={percent} status={job.finishedAt ? 'success' : 'active'} aria-label="通知进度" />
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="涉及案件">{job.affected} 件</Descriptions.Item>
              <Descriptions.Item label="已通知">{job.signalled} 件</Descriptions.Item>
              <Descriptions.Item label="期间已办结">{job.notRunning} 件</Descriptions.Item>
              <Descriptions.Item label="答复期限已改变">
                <span data-testid="calendar-job-changed">{job.changed} 件</span>
              </Descriptions.Item>
              <Descriptions.Item label="操作人">{job.startedBy}</Descriptions.Item>
              <Descriptions.Item label="开始时间">{formatMoment(job.startedAt)}</Descriptions.Item>
            </Descriptions>
          </>
        }
      />
    </div>
  );
}

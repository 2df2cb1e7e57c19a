// 救济: reconsiderations (行政复议) and lawsuits (行政诉讼) against the office's replies and their
// outcomes, as section 四 of the annual report counts them. Recording and correcting go through
// the remedies routes; the server checks the case's scope, the dates and who may correct what.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, newKey, ok, type Schemas } from '../api/client';
import { type AnnualReportDto, as } from '../api/types';
import { FormSelect, RadioChoice } from '../components/fields';
import { CaseLink } from '../format';
import { describeError } from '../i18n/error-messages';
import type { Session } from '../session';
import { officeToday } from '../today';

type Remedy = Schemas['RemedyListItemDto'];

const KIND = (r: Pick<Remedy, 'kind' | 'route'>) =>
  r.kind === 'reconsideration' ? '行政复议' : r.route === 'after-reconsideration' ? '行政诉讼（复议后起诉）' : '行政诉讼（直接起诉）';
export const OUTCOME_LABELS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果' };

export default function Remedies({ session }: { session: Session }) {
  const canWrite = session.user.role === 'clerk' || session.user.role === 'supervisor';
  const seesReport = session.user.role === 'supervisor' || session.user.role === 'auditor';
  const [year, setYear] = useState<number | undefined>(officeToday().year());
  const [kind, setKind] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<Remedy | null>(null);
  const list = useQuery({
    queryKey: ['remedies', year, kind, pending],
    queryFn: () =>
      ok(
        api.GET('/api/remedies', {
          params: {
            query: {
              ...(year ? { year: String(year) } : {}),
              ...(kind ? { kind: kind as 'litigation' } : {}),
              ...(pending ? { pending: 'true' } : {}),
            },
          },
        }),
      ),
  });
  const report = useQuery({
    queryKey: ['annual', year],
    queryFn: () => as<AnnualReportDto>(ok(api.GET('/api/reports/annual', { params: { query: { year: String(year) } } }))),
    enabled: seesReport && year !== undefined,
  });
  const thisYear = officeToday().year();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        行政复议与行政诉讼
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="年度"
          style={{ width: 130 }}
          value={year ?? 0}
          onChange={(v) => setYear(v || undefined)}
          options={[
            { value: 0, label: '全部年度' },
            ...Array.from({ length: thisYear - 2008 + 1 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` })),
          ]}
        />
        <Select
          aria-label="类型"
          style={{ width: 140 }}
          allowClear
          placeholder="全部类型"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'reconsideration', label: '行政复议' },
            { value: 'litigation', label: '行政诉讼' },
          ]}
        />
        <Space>
          <Switch id="pending-only" checked={pending} onChange={setPending} />
          <label htmlFor="pending-only">只看尚未审结</label>
        </Space>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记复议或诉讼
          </Button>
        )}
      </Space>
      {seesReport && report.data && (
        <Card size="small" title={`年度报告第四部分（${year}年度）`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={report.data.remedies.rows}
            columns={[
              { title: '项目', dataIndex: 'label' },
              ...report.data.remedies.columns.map((c, i) => ({
                title: c,
                key: c,
                align: 'right' as const,
                render: (_: unknown, row: { values: number[] }) => row.values[i],
              })),
            ]}
          />
        </Card>
      )}
      {list.error && <Alert type="error" showIcon message={describeError(list.error).title} />}
      <Table<Remedy>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '登记编号', dataIndex: 'registrationNumber', render: (v: string, r) => <CaseLink id={r.applicationId}>{v}</CaseLink> },
          { title: '类型', key: 'kind', render: (_, r) => KIND(r) },
          { title: '复议机关/法院', dataIndex: 'organ' },
          { title: '案号', dataIndex: 'caseNumber', render: (v: string | null) => v ?? '—' },
          { title: '提起日期', dataIndex: 'filedOn' },
          {
            title: '结果',
            dataIndex: 'outcome',
            render: (v: string | null, r) =>
              v ? (
                <Space size={4}>
                  <Tag color={v === 'corrected' ? 'red' : 'green'}>{OUTCOME_LABELS[v]}</Tag>
                  {r.outcomeOn}
                </Space>
              ) : (
                <Tag color="gold">尚未审结</Tag>
              ),
          },
          { title: '备注', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'act',
                  render: (_: unknown, r: Remedy) =>
                    !r.outcome || session.user.role === 'supervisor' ? (
                      <Button size="small" onClick={() => setDeciding(r)}>
                        {r.outcome ? '更正结果' : '记录结果'}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {list.data?.truncated && <Typography.Text type="secondary">只列出最近的 500 条，请按年度或类型筛选。</Typography.Text>}
      {adding && <AddRemedy onClose={() => setAdding(false)} />}
      {deciding && <RecordOutcome remedy={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

interface AddForm {
  caseId: string;
  kind: 'reconsideration' | 'litigation';
  route?: 'direct' | 'after-reconsideration';
  filedOn: Dayjs;
  organ: string;
  caseNumber?: string;
  note?: string;
}

function AddRemedy({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<AddForm>();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newKey(), []);
  const kind = Form.useWatch('kind', form);
  const cases = useQuery({
    queryKey: ['remedy-case-search', search],
    queryFn: () => ok(api.GET('/api/applications', { params: { query: { q: search, pageSize: 20 } } })),
    enabled: search.trim().length >= 2,
  });
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await ok(
        api.POST('/api/applications/{id}/remedies', {
          params: { path: { id: v.caseId }, header: { 'Idempotency-Key': key } as never },
          body: {
            kind: v.kind,
            ...(v.kind === 'litigation' ? { route: v.route } : {}),
            filedOn: v.filedOn.format('YYYY-MM-DD'),
            organ: v.organ.trim(),
            ...(v.caseNumber?.trim() ? { caseNumber: v.caseNumber.trim() } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
      message.success('已登记');
      await qc.invalidateQueries({ queryKey: ['remedies'] });
      await qc.invalidateQueries({ queryKey: ['annual'] });
      onClose();
    } catch (err) {
      const e = describeError(err);
      message.error(`${e.title}${e.detail && e.title !== e.detail ? `（${e.detail}）` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="登记行政复议或行政诉讼"
      open
      onOk={() => void submit()}
      onCancel={onClose}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'reconsideration', filedOn: officeToday() }}>
        <Form.Item name="caseId" label="针对的申请（登记编号或申请人）" rules={[{ required: true, message: '请选择针对的申请' }]}>
          <FormSelect
            showSearch
            filterOption={false}
            onSearch={setSearch}
            placeholder="输入完整登记编号，或申请人姓名、申请内容中的词语"
            notFoundContent={search.trim().length < 2 ? '请输入至少两个字' : '没有找到'}
            options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.registrationNumber} · ${c.applicant.name}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <RadioChoice
            label="类型"
            options={[
              { value: 'reconsideration', label: '行政复议' },
              { value: 'litigation', label: '行政诉讼' },
            ]}
          />
        </Form.Item>
        {kind === 'litigation' && (
          <Form.Item name="route" label="起诉方式" rules={[{ required: true, message: '请选择起诉方式' }]}>
            <RadioChoice
              label="起诉方式"
              options={[
                { value: 'direct', label: '未经复议直接起诉' },
                { value: 'after-reconsideration', label: '复议后起诉' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="filedOn"
          label={kind === 'litigation' ? '起诉日期' : '申请复议日期'}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(officeToday(), 'day')} />
        </Form.Item>
        <Form.Item
          name="organ"
          label={kind === 'litigation' ? '法院' : '复议机关'}
          rules={[{ required: true, whitespace: true, message: '请填写' }]}
        >
          <Input maxLength={200} placeholder={kind === 'litigation' ? '如：临沂市兰山区人民法院' : '如：临沂市人民政府'} />
        </Form.Item>
        <Form.Item name="caseNumber" label="案号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecordOutcome({ remedy, onClose }: { remedy: Remedy; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ outcome: string; outcomeOn: Dayjs; caseNumber?: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await ok(
        api.PATCH('/api/remedies/{remedyId}', {
          params: { path: { remedyId: remedy.id } },
          body: {
            outcome: v.outcome as 'upheld',
            outcomeOn: v.outcomeOn.format('YYYY-MM-DD'),
            ...(v.caseNumber?.trim() ? { caseNumber: v.caseNumber.trim() } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
      message.success('已记录结果');
      await qc.invalidateQueries({ queryKey: ['remedies'] });
      await qc.invalidateQueries({ queryKey: ['annual'] });
      onClose();
    } catch (err) {
      const e = describeError(err);
      message.error(`${e.title}${e.detail && e.title !== e.detail ? `（${e.detail}）` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`${remedy.outcome ? '更正' : '记录'}结果：${remedy.registrationNumber} · ${KIND(remedy)}`}
      open
      onOk={() => void submit()}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          outcome: remedy.outcome ?? undefined,
          outcomeOn: remedy.outcomeOn ? dayjs(remedy.outcomeOn) : officeToday(),
          caseNumber: remedy.caseNumber ?? undefined,
          note: remedy.note ?? undefined,
        }}
      >
        <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]}>
          <RadioChoice label="结果" options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="outcomeOn" label="决定或判决日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(officeToday(), 'day') || d.isBefore(dayjs(remedy.filedOn), 'day')} />
        </Form.Item>
        <Form.Item name="caseNumber" label="案号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// 文书模板: the letters' templates, by letter kind and regime. The administrator edits the text of
// the one in force with a live preview (rendered by the server on a sample case, shown in an
// iframe), saves it as a new version, and reads the version history: who saved each version,
// when, and what it changed; any old version can be viewed and taken as the starting point.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Input, Modal, Row, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ok, type Schemas } from '../../api/client';
import { adminOnly, adminKeys, ErrorAlert, formatMoment } from './common';

type TemplateBody = NonNullable<NonNullable<Schemas['TemplateVersionDto']['template']>>;
type Version = Schemas['TemplateVersionSummaryDto'];
interface Paragraph {
  text?: string;
  slot?: 'remedies';
  role?: string;
  when?: string;
  unless?: string;
  each?: string;
}
interface Editable {
  title: string;
  noun: string;
  addressee: string;
  fields: { name: string; label: string; type: string; required: boolean }[];
  paragraphs: Paragraph[];
  citations: unknown[];
  remedies: string;
  note?: string;
}

const PART_LABELS: Record<string, string> = {
  title: '标题',
  noun: '文书自称',
  addressee: '收件人',
  fields: '填写项',
  paragraphs: '正文段落',
  citations: '依据条款',
  remedies: '救济途径',
  note: '说明',
};
const REGIMES = [
  { value: '2019', label: '2019年条例（国务院令第711号）' },
  { value: '2008', label: '2008年条例（国务院令第492号）' },
];
const ROLE_LABELS: Record<string, string> = { item: '列项', closing: '结尾', contact: '联系方式', body: '正文' };
const PREVIEW_DELAY_MS = 600;
/** Values the engine fills in itself (not the template's fields), as the conditions of a paragraph name them. */
const VALUE_LABELS: Record<string, string> = {
  officeContact: '本机关联系方式',
  withheld: '不予公开的部分',
  reasons: '理由',
  reasonsReceivedOn: '收到理由的日期',
  previousNoticeNumber: '原告知书文号',
  paymentDeadline: '缴费期限',
};

const editableOf = (t: TemplateBody): Editable => {
  const x = t as unknown as Editable;
  return {
    title: x.title,
    noun: x.noun,
    addressee: x.addressee,
    fields: x.fields,
    paragraphs: x.paragraphs,
    citations: x.citations,
    remedies: x.remedies,
    ...(x.note !== undefined ? { note: x.note } : {}),
  };
};

/** The value after it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

async function renderPreview(kind: string, regime: string, template: Editable): Promise<string> {
  return ok(
    api.POST('/api/admin/templates/{kind}/{regime}/preview', {
      params: { path: { kind, regime } },
      body: { template: template as never },
      parseAs: 'text',
    }),
  ) as Promise<string>;
}

/** A4 letter HTML is about 800 px wide: shrunk to the column it is shown in. */
const LETTER_WIDTH_PX = 820;

function PreviewFrame({ html, title }: { html: string | undefined; title: string }) {
  const [width, setWidth] = useState(0);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const zoom = width ? Math.min(1, (width - 24) / LETTER_WIDTH_PX) : 1;
  const doc = html?.includes('</head>') ? html.replace('</head>', `<style>html{zoom:${zoom.toFixed(3)}}</style></head>`) : html;
  return (
    <div ref={box}>
      {doc ? (
        <iframe
          title={title}
          srcDoc={doc}
          sandbox=""
          data-testid="template-preview"
          style={{ width: '100%', height: 680, border: '1px solid #d9d9d9', background: '#fff' }}
        />
      ) : (
        <Empty description="暂无预览" />
      )}
    </div>
  );
}

export default adminOnly(Templates);

function Templates() {
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('registration-receipt');
  const [regime, setRegime] = useState<string>('2019');
  const [draft, setDraft] = useState<Editable | null>(null);
  const [json, setJson] = useState<{ text: string; error?: string } | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [toast, toastHolder] = message.useMessage();

  const all = useQuery({ queryKey: adminKeys.templates, queryFn: () => ok(api.GET('/api/admin/templates')) });
  const kinds = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of all.data ?? []) if (t.regime === regime && t.source === 'bundled') m.set(t.kind, t.title);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [all.data, regime]);
  const versions = useQuery({
    queryKey: adminKeys.templateVersions(kind, regime),
    queryFn: () => ok(api.GET('/api/admin/templates/{kind}/{regime}/versions', { params: { path: { kind, regime } } })),
  });
  const inForce = versions.data?.items.find((v) => v.inForce);
  const loaded = useQuery({
    queryKey: adminKeys.templateVersion(kind, regime, inForce?.version ?? 0),
    queryFn: () =>
      ok(
        api.GET('/api/admin/templates/{kind}/{regime}/versions/{version}', {
          params: { path: { kind, regime, version: String(inForce!.version) } },
        }),
      ),
    enabled: !!inForce,
  });
  // A new letter kind or a newly saved version: the editor starts from the version in force.
  useEffect(() => {
    if (loaded.data) {
      setDraft(editableOf(loaded.data.template));
      setJson(null);
    }
  }, [loaded.data]);

  const debounced = useDebounced(draft, PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['admin', 'template-preview', kind, regime, debounced],
    queryFn: () => renderPreview(kind, regime, debounced!),
    enabled: !!debounced,
    placeholderData: (prev) => prev,
    retry: false,
  });
  const changed = !!draft && !!loaded.data && JSON.stringify(draft) !== JSON.stringify(editableOf(loaded.data.template));

  const save = useMutation({
    mutationFn: (t: Editable) =>
      ok(api.PUT('/api/admin/templates/{kind}/{regime}', { params: { path: { kind, regime } }, body: t as never })) as unknown as Promise<{
        version: number;
      }>,
    onSuccess: async (r) => {
      void toast.success(`已保存为第 ${r.version} 版，此后出具的文书使用新版本`);
      await qc.invalidateQueries({ queryKey: adminKeys.templateVersions(kind, regime) });
      await qc.invalidateQueries({ queryKey: adminKeys.templates });
    },
  });

  const nameOf = (value: string) => draft?.fields.find((f) => f.name === value)?.label ?? VALUE_LABELS[value] ?? value;
  const setPart = <K extends keyof Editable>(k: K, v: Editable[K]) => draft && setDraft({ ...draft, [k]: v });
  const setParagraph = (i: number, text: string) =>
    draft && setDraft({ ...draft, paragraphs: draft.paragraphs.map((p, j) => (j === i ? { ...p, text } : p)) });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {toastHolder}
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          文书模板
        </Typography.Title>
        <Space wrap>
          <Typography.Text id="template-kind-label">文书</Typography.Text>
          <Select
            aria-labelledby="template-kind-label"
            showSearch
            optionFilterProp="label"
            style={{ width: 360 }}
            value={kind}
            onChange={(k: string) => {
              setKind(k);
              setDraft(null);
              save.reset();
            }}
            options={kinds}
            loading={all.isLoading}
          />
          <Typography.Text id="template-regime-label">适用条例</Typography.Text>
          <Select
            aria-labelledby="template-regime-label"
            style={{ width: 280 }}
            value={regime}
            onChange={(r: string) => {
              setRegime(r);
              setDraft(null);
              save.reset();
            }}
            options={REGIMES}
          />
        </Space>
        <ErrorAlert error={all.error ?? versions.error ?? loaded.error} />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card
            title={
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                编辑
              </Typography.Title>
            }
            extra={
              inForce && (
                <Typography.Text type="secondary">
                  在用：第 {inForce.version} 版{inForce.source === 'bundled' ? '（系统内置）' : ''}
                </Typography.Text>
              )
            }
          >
            {!draft ? (
              <Empty description="正在加载模板……" />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Alert
                  type="info"
                  showIcon
                  message="{{…}} 是由系统填入的内容（如申请人姓名、登记编号、日期），请保留；“救济途径”段落由系统按案件自动生成。"
                />
                <Tabs
                  items={[
                    {
                      key: 'text',
                      label: '文字',
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <label htmlFor="tpl-title">标题</label>
                          <Input id="tpl-title" value={draft.title} onChange={(e) => setPart('title', e.target.value)} />
                          <label htmlFor="tpl-addressee">收件人</label>
                          <Input id="tpl-addressee" value={draft.addressee} onChange={(e) => setPart('addressee', e.target.value)} />
                          <label htmlFor="tpl-noun">文书自称（用于救济途径段落，如“本告知书”中的“告知书”）</label>
                          <Input id="tpl-noun" value={draft.noun} onChange={(e) => setPart('noun', e.target.value)} />
                          {draft.paragraphs.map((p, i) =>
                            p.slot === 'remedies' ? (
                              <Tag key={i} color="purple" style={{ padding: 6 }}>
                                第 {i + 1} 段：救济途径（系统按案件生成）
                              </Tag>
                            ) : (
                              <div key={i}>
                                <label htmlFor={`tpl-p-${i}`}>
                                  第 {i + 1} 段{p.role && p.role !== 'body' ? `（${ROLE_LABELS[p.role] ?? p.role}）` : ''}
                                  {p.when ? `，仅当有“${nameOf(p.when)}”时出现` : ''}
                                  {p.unless ? `，仅当没有“${nameOf(p.unless)}”时出现` : ''}
                                  {p.each ? `，按“${nameOf(p.each)}”逐项重复` : ''}
                                </label>
                                <Input.TextArea
                                  id={`tpl-p-${i}`}
                                  autoSize={{ minRows: 3, maxRows: 12 }}
                                  value={p.text}
                                  onChange={(e) => setParagraph(i, e.target.value)}
                                />
                              </div>
                            ),
                          )}
                          <Typography.Text type="secondary">
                            可用的填写项：
                            {draft.fields.map((f) => (
                              <Tag key={f.name}>{`{{${f.name}}} ${f.label}`}</Tag>
                            ))}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      key: 'json',
                      label: '全部内容（JSON）',
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Typography.Text type="secondary">
                            可修改填写项、依据条款、段落条件和救济途径规则。内容有误时不会更新预览。
                          </Typography.Text>
                          <label htmlFor="tpl-json">模板 JSON</label>
                          <Input.TextArea
                            id="tpl-json"
                            autoSize={{ minRows: 16, maxRows: 40 }}
                            style={{ fontFamily: 'monospace' }}
                            value={json?.text ?? JSON.stringify(draft, null, 2)}
                            onChange={(e) => {
                              const text = e.target.value;
                              try {
                                setDraft(JSON.parse(text) as Editable);
                                setJson({ text });
                              } catch (err) {
                                setJson({ text, error: `JSON 格式错误：${(err as Error).message}` });
                              }
                            }}
                          />
                          {json?.error && <Alert type="error" showIcon role="alert" message={json.error} />}
                        </Space>
                      ),
                    },
                  ]}
                />
                <ErrorAlert error={save.error} />
                <Space>
                  <Button type="primary" disabled={!changed || !!json?.error} loading={save.isPending} onClick={() => save.mutate(draft)}>
                    保存为新版本
                  </Button>
                  <Button
                    disabled={!changed}
                    onClick={() => {
                      if (loaded.data) setDraft(editableOf(loaded.data.template));
                      setJson(null);
                    }}
                  >
                    放弃修改
                  </Button>
                  {changed && <Tag color="orange">有未保存的修改</Tag>}
                </Space>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                预览（示例案件）
              </Typography.Title>
            }
            extra={preview.isFetching ? <Typography.Text type="secondary">正在更新……</Typography.Text> : null}
          >
            {preview.error && (
              <div style={{ marginBottom: 12 }}>
                <Alert type="warning" showIcon message="模板有误，预览未更新；请按以下提示修改：" />
                <ErrorAlert error={preview.error} />
              </div>
            )}
            <PreviewFrame html={preview.data} title="文书预览" />
          </Card>
        </Col>
      </Row>

      <Card
        title={
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            版本记录
          </Typography.Title>
        }
      >
        <Table<Version>
          rowKey="version"
          size="small"
          loading={versions.isLoading}
          dataSource={versions.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: '版本',
              dataIndex: 'version',
              render: (v: number, r) => (
                <Space>
                  第 {v} 版{r.inForce && <Tag color="green">在用</Tag>}
                </Space>
              ),
            },
            { title: '标题', dataIndex: 'title' },
            {
              title: '修改人',
              render: (_, r) =>
                r.source === 'bundled' ? '系统内置' : r.createdByName ? `${r.createdByName}（${r.createdBy}）` : r.createdBy,
            },
            { title: '时间', dataIndex: 'createdAt', render: (t: string | null) => formatMoment(t) },
            {
              title: '修改内容',
              dataIndex: 'changed',
              render: (c: string[], r) =>
                r.source === 'bundled' ? '—' : c.length ? c.map((p) => <Tag key={p}>{PART_LABELS[p] ?? p}</Tag>) : '与上一版相同',
            },
            {
              title: '操作',
              render: (_, r) => (
                <Button type="link" aria-label={`查看第 ${r.version} 版`} onClick={() => setViewing(r.version)}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {viewing !== null && (
        <VersionDialog
          kind={kind}
          regime={regime}
          version={viewing}
          onClose={() => setViewing(null)}
          onUse={(t) => {
            setDraft(t);
            setJson(null);
            setViewing(null);
          }}
        />
      )}
    </Space>
  );
}

function VersionDialog({
  kind,
  regime,
  version,
  onClose,
  onUse,
}: {
  kind: string;
  regime: string;
  version: number;
  onClose: () => void;
  onUse: (t: Editable) => void;
}) {
  const v = useQuery({
    queryKey: adminKeys.templateVersion(kind, regime, version),
    queryFn: () =>
      ok(
        api.GET('/api/admin/templates/{kind}/{regime}/versions/{version}', {
          params: { path: { kind, regime, version: String(version) } },
        }),
      ),
  });
  const html = useQuery({
    queryKey: ['admin', 'template-version-preview', kind, regime, version],
    queryFn: () => renderPreview(kind, regime, editableOf(v.data!.template)),
    enabled: !!v.data,
    retry: false,
  });
  return (
    <Modal
      open
      width={900}
      title={`第 ${version} 版${v.data?.inForce ? '（在用）' : ''}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          {v.data && !v.data.inForce && (
            <Button type="primary" onClick={() => onUse(editableOf(v.data.template))}>
              以此版本为底稿编辑
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={v.error ?? html.error} />
      {v.data && (
        <Typography.Paragraph type="secondary">
          {v.data.source === 'bundled'
            ? '系统内置版本'
            : `${v.data.createdByName ?? v.data.createdBy}（${v.data.createdBy}）于 ${formatMoment(v.data.createdAt)} 保存`}
          {v.data.changed.length ? `；修改了：${v.data.changed.map((p) => PART_LABELS[p] ?? p).join('、')}` : ''}
        </Typography.Paragraph>
      )}
      <PreviewFrame html={html.data} title={`第 ${version} 版预览`} />
    </Modal>
  );
}

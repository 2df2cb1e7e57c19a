// A step's form, built from the JSON Schema of its body (GET /api/reference/action-bodies, the
// rules libs/case checks it with): dates, texts, choices, yes/no, numbers, and lists of parts.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { FormSelect } from './fields';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { FIELD_LABELS, VALUE_LABELS } from '../i18n/labels';
import { officeToday } from '../today';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  /** a draft's field that belongs to these reply kinds only */
  'x-reply-kinds'?: string[];
  /** a draft's field that these reply kinds need */
  'x-required-for-reply-kinds'?: string[];
}

export interface Ground {
  code: string;
  text: string;
  basis: string;
  partialOnly: boolean;
}

const fieldLabel = (name: string) => FIELD_LABELS[name] ?? name;

/** An optional group of fields (e.g. the fee of a draft): filled in only when the clerk switches it on. */
function OptionalGroup({ label, children }: { label: string; children: ReactNode }) {
  const [on, setOn] = useState(false);
  return (
    <Card
      size="small"
      title={label}
      style={{ marginBottom: 12 }}
      extra={<Switch checked={on} onChange={setOn} checkedChildren="填写" unCheckedChildren="不填" aria-label={`填写${label}`} />}
    >
      {on ? children : <Typography.Text type="secondary">不适用时无需填写。</Typography.Text>}
    </Card>
  );
}

function Field({
  name,
  schema,
  required,
  grounds,
  path,
}: {
  name: string;
  schema: JsonSchema;
  required: boolean;
  grounds: Ground[];
  path: (string | number)[];
}) {
  const label = fieldLabel(name);
  const rules = [{ required, message: `请填写${label}` }];
  if (schema.type === 'object' && schema.properties) {
    const inner = Object.entries(schema.properties).map(([k, s]) => (
      <Field key={k} name={k} schema={s} required={(schema.required ?? []).includes(k)} grounds={grounds} path={[...path, k]} />
    ));
    if (!required) return <OptionalGroup label={label}>{inner}</OptionalGroup>;
    return (
      <Card size="small" title={label} style={{ marginBottom: 12 }}>
        {inner}
      </Card>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    const item = schema.items;
    return (
      <Form.List name={path} initialValue={required ? [{}] : []}>
        {(fields, { add, remove }) => (
          <Card size="small" title={label} style={{ marginBottom: 12 }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                title={`第 ${i + 1} 项`}
                extra={<MinusCircleOutlined aria-label="删除此项" onClick={() => remove(f.name)} />}
                style={{ marginBottom: 8 }}
              >
                {Object.entries(item.properties ?? {}).map(([k, s]) => (
                  <Field key={k} name={k} schema={s} required={(item.required ?? []).includes(k)} grounds={grounds} path={[f.name, k]} />
                ))}
              </Card>
            ))}
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
              添加{label}
            </Button>
          </Card>
        )}
      </Form.List>
    );
  }
  if (schema.type === 'array') {
    return (
      <Form.Item
        name={path}
        label={label}
        rules={rules}
        getValueFromEvent={(e) =>
          String(e.target.value)
            .split('\n')
            .filter((l) => l.trim())
        }
        getValueProps={(v) => ({ value: Array.isArray(v) ? v.join('\n') : v })}
        extra="每行一项"
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    );
  }
  if (schema.enum) {
    const options =
      name === 'ground'
        ? grounds.map((g) => ({ value: g.code, label: `${g.text}（${g.basis}）` }))
        : schema.enum.map((v) => ({ value: v, label: VALUE_LABELS[v] ?? v }));
    return (
      <Form.Item name={path} label={label} rules={rules}>
        <FormSelect options={options} allowClear={!required} showSearch optionFilterProp="label" aria-label={label} />
      </Form.Item>
    );
  }
  if (schema.format === 'date') {
    return (
      <Form.Item name={path} label={label} rules={rules} initialValue={required ? officeToday() : undefined}>
        <DatePicker aria-label={label} />
      </Form.Item>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <Form.Item name={path} label={label} valuePropName="checked" initialValue={false}>
        <Switch aria-label={label} />
      </Form.Item>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <Form.Item name={path} label={label} rules={rules}>
        <InputNumber min={schema.minimum} max={schema.maximum} aria-label={label} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={path} label={label} rules={[...rules, { whitespace: required, message: `请填写${label}` }]}>
      {(schema.maxLength ?? 0) > 200 ? <Input.TextArea rows={3} maxLength={schema.maxLength} /> : <Input maxLength={schema.maxLength} />}
    </Form.Item>
  );
}

/** Form values -> the body the API checks: dates as YYYY-MM-DD, empty values left out. */
export function toBody(v: unknown): unknown {
  if (dayjs.isDayjs(v)) return (v as Dayjs).format('YYYY-MM-DD');
  if (Array.isArray(v)) return v.map(toBody);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === null || x === '') continue;
      out[k] = toBody(x);
    }
    return out;
  }
  return v;
}

export function ActionFields({ schema, grounds }: { schema: JsonSchema; grounds: Ground[] }) {
  // A draft shows the facts of its reply kind only (the kinds come with the schema from libs/case).
  const replyKind = Form.useWatch('replyKind') as string | undefined;
  const props = Object.entries(schema.properties ?? {});
  if (!props.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {props.map(([k, s]) => {
        const forKinds = s['x-reply-kinds'] ?? s['x-required-for-reply-kinds'];
        if (forKinds && !(replyKind && forKinds.includes(replyKind))) return null;
        const required =
          (schema.required ?? []).includes(k) || (!!replyKind && (s['x-required-for-reply-kinds'] ?? []).includes(replyKind));
        return <Field key={`${k}-${required}`} name={k} schema={s} required={required} grounds={grounds} path={[k]} />;
      })}
    </Space>
  );
}

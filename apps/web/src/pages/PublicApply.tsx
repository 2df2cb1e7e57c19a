// 在线申请: the applicant's own form (Art. 29), no login, phone-sized first. The submission waits
// for the office to confirm receipt (Art. 31(3)); the applicant keeps the query code to track it.
import { Alert, Button, Card, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../i18n/error-messages';
import { CATEGORY_LABELS } from '../i18n/labels';
import { idNumberRule, phoneRule, type IdType } from '../idRules';
import { newKey } from '../api/client';
import { publicJson, solveChallenge } from '../publicApi';
import { navigate } from '../router';

interface Values {
  applicantType: 'natural_person' | 'legal_person';
  category?: string;
  name: string;
  idType: IdType;
  idNumber?: string;
  phone: string;
  email?: string;
  address?: string;
  description: string;
  documentNumber?: string;
  form?: string;
  delivery?: string;
}

export default function PublicApply() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ queryCode: string; phone: string } | null>(null);
  const type = Form.useWatch('applicantType', form);
  const idType = Form.useWatch('idType', form) ?? 'resident';
  // One key per form: a resubmission after a lost answer gets the same application and query code.
  const [key] = useState(newKey);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const headers = await solveChallenge();
      const r = await publicJson<{ queryCode: string }>('/api/public/applications', {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': key },
        body: {
          channel: 'online',
          applicant: {
            type: v.applicantType,
            ...(v.applicantType === 'legal_person' ? { category: v.category } : {}),
            name: v.name.trim(),
            ...(v.idNumber ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
            contact: {
              phone: v.phone.trim(),
              ...(v.email ? { email: v.email.trim() } : {}),
              ...(v.address ? { address: v.address.trim() } : {}),
            },
          },
          request: {
            description: v.description.trim(),
            ...(v.documentNumber ? { documentNumber: v.documentNumber.trim() } : {}),
            ...(v.form ? { form: v.form } : {}),
            ...(v.delivery ? { delivery: v.delivery } : {}),
          },
        },
      });
      setDone({ queryCode: r.queryCode, phone: v.phone.trim() });
    } catch (err) {
      setError(describeError(err).title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        政府信息公开在线申请
      </Typography.Title>
      {done ? (
        <Result
          status="success"
          title="申请已提交，等待机关确认收到"
          subTitle={
            <span>
              您的查询码：
              <Typography.Text strong copyable data-testid="query-code">
                {done.queryCode}
              </Typography.Text>
              <br />
              请妥善保存。机关确认收到后，答复期限自确认之日起计算。
            </span>
          }
          extra={
            <Button type="primary" onClick={() => navigate(`/track?code=${encodeURIComponent(done.queryCode)}`)}>
              查询办理进度
            </Button>
          }
        />
      ) : (
        <Card>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ applicantType: 'natural_person', idType: 'resident' }}>
            <Form.Item label="申请人类型" name="applicantType">
              <Radio.Group
                options={[
                  { value: 'natural_person', label: '公民' },
                  { value: 'legal_person', label: '法人或其他组织' },
                ]}
              />
            </Form.Item>
            {type === 'legal_person' && (
              <Form.Item label="组织类别" name="category" rules={[{ required: true, message: '请选择组织类别' }]}>
                <Select options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            )}
            <Form.Item
              label={type === 'legal_person' ? '名称' : '姓名'}
              name="name"
              rules={[{ required: true, whitespace: true, message: '请填写姓名或名称' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label="证件类型" name="idType">
              <Select
                options={[
                  { value: 'resident', label: '居民身份证' },
                  { value: 'credit', label: '统一社会信用代码' },
                  { value: 'other', label: '其他证件' },
                ]}
              />
            </Form.Item>
            <Form.Item
              label="证件号码"
              name="idNumber"
              rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, idNumberRule(idType)]}
            >
              <Input />
            </Form.Item>
            <Form.Item label="联系电话（查询进度时需要）" name="phone" rules={[{ required: true, message: '请填写联系电话' }, phoneRule]}>
              <Input inputMode="tel" />
            </Form.Item>
            <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
              <Input inputMode="email" />
            </Form.Item>
            <Form.Item label="通信地址" name="address">
              <Input />
            </Form.Item>
            <Form.Item
              label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
              name="description"
              rules={[{ required: true, whitespace: true, message: '请描述所需的政府信息' }]}
            >
              <Input.TextArea rows={4} maxLength={10000} />
            </Form.Item>
            <Form.Item label="文号（如知道）" name="documentNumber">
              <Input />
            </Form.Item>
            <Form.Item label="获取信息的形式" name="form">
              <Select allowClear options={['纸质', '电子'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Form.Item label="获取信息的方式" name="delivery">
              <Select allowClear options={['邮寄', '电子邮件', '当面领取', '网上获取'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              提交申请
            </Button>
          </Form>
        </Card>
      )}
    </main>
  );
}

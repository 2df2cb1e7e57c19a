// 查询进度: the applicant looks up their application with the query code and the phone they gave.
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../i18n/error-messages';
import { publicJson } from '../publicApi';
import { useLocation } from '../router';

interface Tracking {
  statusText: string;
  phone: string;
  submittedAt: string;
  registrationNumber: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  deadlineText: string;
  letters: { number: string; title: string; issuedAt: string; downloads: { html: string; pdf: string; docx: string } }[];
}

export default function PublicTrack() {
  const { search } = useLocation();
  const [result, setResult] = useState<Tracking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const look = async (v: { code: string; phone: string }) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await publicJson<Tracking>(
          `/api/public/applications/${encodeURIComponent(v.code.trim())}?phone=${encodeURIComponent(v.phone.trim())}`,
        ),
      );
    } catch (err) {
      const e = describeError(err);
      setError(e.title === '未找到相关内容。' ? '未找到与该查询码和电话号码相符的申请，请核对后重试。' : e.title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        政府信息公开申请进度查询
      </Typography.Title>
      <Card>
        <Form layout="vertical" onFinish={look} initialValues={{ code: search.get('code') ?? '' }}>
          <Form.Item label="查询码" name="code" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="申请时填写的联系电话" name="phone" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
            <Input inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            查询
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 16 }} />}
      {result && (
        <Card style={{ marginTop: 16 }} title="办理进度">
          <Descriptions column={1} size="small" bordered labelStyle={{ width: 96, whiteSpace: 'nowrap' }}>
            <Descriptions.Item label="状态">{result.statusText}</Descriptions.Item>
            <Descriptions.Item label="登记编号">{result.registrationNumber ?? '待机关确认收到后生成'}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{result.receivedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{result.dueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="说明">{result.deadlineText}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{result.phone}</Descriptions.Item>
          </Descriptions>
          {result.letters.length > 0 && (
            <List
              style={{ marginTop: 12 }}
              header="已出具的文书"
              dataSource={result.letters}
              renderItem={(l) => (
                <List.Item>
                  <Space direction="vertical">
                    <Typography.Text strong>{`${l.title}（${l.number}）`}</Typography.Text>
                    <Space>
                      <a href={l.downloads.pdf}>下载PDF</a>
                      <a href={l.downloads.docx}>下载Word</a>
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </main>
  );
}

import {
  ProForm,
  ProFormDatePicker,
  ProFormDependency,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { api, newKey, ok, type Schemas } from '../api/client';
import { as, type NoticeSummary } from '../api/types';
import { describeError } from '../i18n/error-messages';
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../i18n/labels';
import { idNumberRule, phoneRule } from '../idRules';
import { navigate } from '../router';
import { officeToday } from '../today';

type Registered = Schemas['RegistrationResponseDto'];
interface Values {
  channel: string;
  receivedOn?: Dayjs | string;
  applicantType: 'natural_person' | 'legal_person';
  category?: string;
  name: string;
  idType: 'resident' | 'credit' | 'other' | 'none';
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  description: string;
  documentNumber?: string;
  form?: string;
  delivery?: string;
}

/** The engine's calendar for the date picker: holidays and make-up working days. */
function useCalendarDays() {
  const year = officeToday().year();
  const q = useQuery({
    queryKey: ['calendar', year],
    queryFn: async () => {
      const years = await Promise.all(
        [year - 1, year].map((y) => ok(api.GET('/api/calendar/years/{year}', { params: { path: { year: String(y) } } }))),
      );
      return years.flatMap((y) => y.days as { date: string; kind: 'holiday' | 'workday'; name?: string }[]);
    },
    staleTime: 3600_000,
  });
  return useMemo(() => new Map((q.data ?? []).map((d) => [d.date, d])), [q.data]);
}

export default function Intake() {
  const days = useCalendarDays();
  const key = useRef(newKey());
  const [done, setDone] = useState<{ registered: Registered; receipt?: string } | null>(null);
  const [error, setError] = useState<{ title: string; detail?: string } | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const registered = await ok(
        api.POST('/api/applications', {
          params: { header: { 'Idempotency-Key': key.current } as never },
          body: {
            channel: v.channel as never,
            ...(v.receivedOn ? { receivedOn: dayjs(v.receivedOn).format('YYYY-MM-DD') } : {}),
            applicant: {
              type: v.applicantType,
              ...(v.applicantType === 'legal_person' ? { category: v.category as never } : {}),
              name: v.name.trim(),
              ...(v.idNumber ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
              contact: {
                ...(v.phone ? { phone: v.phone.trim() } : {}),
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
        }),
      );
      const notices = await as<NoticeSummary[]>(ok(api.GET('/api/applications/{id}/notices', { params: { path: { id: registered.id } } })));
      setDone({ registered, receipt: notices[0]?.id });
      key.current = newKey();
    } catch (err) {
      setError(describeError(err));
    }
  };

  if (done)
    return (
      <Card>
        <Result
          status="success"
          title={`已登记：${done.registered.registrationNumber}`}
          subTitle={
            done.registered.dueOn
              ? `答复期限：${done.registered.dueOn}（收到日期 ${done.registered.receivedOn}）`
              : '该申请须确认收到后才开始计算答复期限（见“待确认”）。'
          }
          extra={
            <Space wrap>
              {done.receipt && (
                <Button type="primary" href={`/api/notices/${done.receipt}.pdf`} target="_blank">
                  打印登记回执（PDF）
                </Button>
              )}
              <Button onClick={() => navigate(`/cases/${done.registered.id}`)}>查看案件</Button>
              <Button onClick={() => setDone(null)}>继续登记</Button>
            </Space>
          }
        />
      </Card>
    );

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        登记政府信息公开申请
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error.title} description={error.detail} style={{ marginBottom: 16 }} role="alert" />}
      <ProForm<Values>
        layout="vertical"
        grid
        rowProps={{ gutter: 16 }}
        initialValues={{ channel: 'in_person', applicantType: 'natural_person', idType: 'resident', receivedOn: officeToday() }}
        onFinish={submit}
        submitter={{ searchConfig: { submitText: '登记', resetText: '清空' } }}
      >
        <ProFormSelect
          name="channel"
          label="提交渠道"
          colProps={{ span: 8 }}
          options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
          rules={[{ required: true, message: '请选择提交渠道' }]}
        />
        <ProFormDependency name={['channel']}>
          {({ channel }) => (
            <ProFormDatePicker
              name="receivedOn"
              label="收到日期"
              colProps={{ span: 8 }}
              tooltip="节假日标红，调休上班日标蓝；平信、网络、传真提交可留空，待确认收到后再计算期限"
              rules={[{ required: channel === 'in_person' || channel === 'post', message: '请选择收到日期' }]}
              fieldProps={{
                disabledDate: (d: Dayjs) => d.isAfter(officeToday(), 'day'),
                cellRender: (d: Dayjs | number | string, info: { type: string; originNode: React.ReactNode }) => {
                  if (info.type !== 'date' || !dayjs.isDayjs(d)) return info.originNode;
                  const day = days.get(d.format('YYYY-MM-DD'));
                  if (!day) return info.originNode;
                  return (
                    <div
                      className="ant-picker-cell-inner"
                      title={`${day.name ?? ''}${day.kind === 'holiday' ? '（休）' : '（班）'}`}
                      style={{ color: day.kind === 'holiday' ? '#cf1322' : '#0958d9', fontWeight: 600 }}
                    >
                      {d.date()}
                    </div>
                  );
                },
              }}
            />
          )}
        </ProFormDependency>
        <ProFormRadio.Group
          name="applicantType"
          label="申请人类型"
          colProps={{ span: 8 }}
          options={[
            { value: 'natural_person', label: '公民' },
            { value: 'legal_person', label: '法人或其他组织' },
          ]}
        />
        <ProFormText
          name="name"
          label="申请人姓名或名称"
          colProps={{ span: 8 }}
          rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }]}
        />
        <ProFormDependency name={['applicantType']}>
          {({ applicantType }) =>
            applicantType === 'legal_person' ? (
              <ProFormSelect
                name="category"
                label="法人或其他组织类别（年度报告分类）"
                colProps={{ span: 8 }}
                options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
                rules={[{ required: true, message: '请选择类别' }]}
              />
            ) : null
          }
        </ProFormDependency>
        <ProFormSelect
          name="idType"
          label="证件类型"
          colProps={{ span: 8 }}
          options={[
            { value: 'resident', label: '居民身份证' },
            { value: 'credit', label: '统一社会信用代码' },
            { value: 'other', label: '其他证件' },
            { value: 'none', label: '未提供' },
          ]}
        />
        <ProFormDependency name={['idType']}>
          {({ idType }) =>
            idType === 'none' ? null : (
              <ProFormText
                name="idNumber"
                label="证件号码"
                colProps={{ span: 8 }}
                rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, idNumberRule(idType)]}
              />
            )
          }
        </ProFormDependency>
        <ProFormText name="phone" label="联系电话" colProps={{ span: 8 }} rules={[phoneRule]} />
        <ProFormText name="email" label="电子邮箱" colProps={{ span: 8 }} rules={[{ type: 'email', message: '电子邮箱格式不正确' }]} />
        <ProFormText name="address" label="通信地址" colProps={{ span: 16 }} />
        <ProFormTextArea
          name="description"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          colProps={{ span: 24 }}
          fieldProps={{ rows: 4, showCount: true, maxLength: 10000 }}
          rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的描述' }]}
        />
        <ProFormText name="documentNumber" label="文号（如知道）" colProps={{ span: 8 }} />
        <ProFormSelect
          name="form"
          label="获取信息的形式"
          colProps={{ span: 8 }}
          options={['纸质', '电子'].map((v) => ({ value: v, label: v }))}
        />
        <ProFormSelect
          name="delivery"
          label="获取信息的方式"
          colProps={{ span: 8 }}
          options={['邮寄', '电子邮件', '当面领取', '网上获取'].map((v) => ({ value: v, label: v }))}
        />
      </ProForm>
      <Descriptions size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label="说明">同一表单重复点击“登记”只会登记一次。</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

// 统计: received per month, on-time rate per month and department, mean working days to answer,
// the outcome mix by the annual report's kinds, open cases by age. Every chart has its table
// beside it and the same table as CSV from the server (GET /api/supervision/stats?format=csv).
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api, ok } from '../api/client';
import { as, type Rate, type StatsDto } from '../api/types';
import { Chart } from '../components/Chart';
import { describeError } from '../i18n/error-messages';
import { useDepartmentNames, useDepartments } from '../departments';
import { officeToday } from '../today';

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));
const MAROON = '#9f1239';

export default function Stats() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([officeToday().startOf('year'), officeToday()]);
  const [department, setDepartment] = useState<string | undefined>();
  const name = useDepartmentNames();
  const departments = useDepartments();
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useQuery({
    queryKey: ['stats', from, to, department],
    queryFn: () =>
      as<StatsDto>(ok(api.GET('/api/supervision/stats', { params: { query: { from, to, ...(department ? { department } : {}) } } }))),
  });
  const csv = (table: string) =>
    `/api/supervision/stats?${new URLSearchParams({ from, to, format: 'csv', table, ...(department ? { department } : {}) })}`;
  const s = stats.data;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        统计
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          disabledDate={(d) => d.isAfter(officeToday(), 'day')}
        />
        <Select
          style={{ width: 260 }}
          aria-label="科室"
          allowClear
          placeholder="全部科室"
          value={department}
          onChange={setDepartment}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
      </Space>
      {stats.error && (
        <Alert type="error" showIcon message={describeError(stats.error).title} description={describeError(stats.error).detail} />
      )}
      {s && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card>
                <Statistic title="期间收到申请" value={s.receivedByMonth.reduce((a, m) => a + m.received, 0)} suffix="件" />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title="期间答复" value={s.overall.answered} suffix="件" />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title="按期答复率" value={percent(s.overall.onTimeRate)} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title="平均答复用时（工作日）" value={days(s.overall.meanWorkingDays)} />
              </Card>
            </Col>
          </Row>
          <ChartCard
            title="每月收到申请"
            csv={csv('received')}
            chart={
              <Chart
                label="每月收到申请数柱状图"
                option={{
                  tooltip: {},
                  xAxis: { type: 'category', data: s.receivedByMonth.map((m) => m.month) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', name: '收到申请', data: s.receivedByMonth.map((m) => m.received), itemStyle: { color: MAROON } }],
                }}
              />
            }
            table={
              <Table
                size="small"
                rowKey="month"
                pagination={false}
                dataSource={s.receivedByMonth}
                columns={[
                  { title: '月份', dataIndex: 'month' },
                  { title: '收到申请（件）', dataIndex: 'received', align: 'right' },
                ]}
              />
            }
          />
          <ChartCard
            title="每月按期答复率与平均用时"
            csv={csv('on-time-by-month')}
            chart={
              <Chart
                label="每月按期答复率与平均答复用时折线图"
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: {},
                  xAxis: { type: 'category', data: s.byMonth.map((m) => m.month) },
                  yAxis: [
                    { type: 'value', name: '按期率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                    { type: 'value', name: '工作日' },
                  ],
                  series: [
                    {
                      type: 'line',
                      name: '按期答复率',
                      data: s.byMonth.map((m) => (m.onTimeRate === null ? null : Math.round(m.onTimeRate * 1000) / 10)),
                      itemStyle: { color: MAROON },
                    },
                    {
                      type: 'bar',
                      name: '平均用时',
                      yAxisIndex: 1,
                      data: s.byMonth.map((m) => m.meanWorkingDays),
                      itemStyle: { color: '#94a3b8' },
                    },
                  ],
                }}
              />
            }
            table={<RateTable rows={s.byMonth.map((m) => ({ key: m.month, label: m.month, ...m }))} first="月份" />}
          />
          <ChartCard
            title="各科室按期答复率"
            csv={csv('on-time-by-department')}
            chart={
              <Chart
                label="各科室按期答复率柱状图"
                option={{
                  tooltip: {},
                  grid: { left: 160 },
                  xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                  yAxis: { type: 'category', data: s.byDepartment.map((d) => name(d.department)) },
                  series: [
                    {
                      type: 'bar',
                      name: '按期答复率',
                      data: s.byDepartment.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)),
                      itemStyle: { color: MAROON },
                    },
                  ],
                }}
              />
            }
            table={
              <RateTable rows={s.byDepartment.map((d) => ({ key: d.department ?? '-', label: name(d.department), ...d }))} first="科室" />
            }
          />
          <ChartCard
            title="办理结果构成（按年度报告分类）"
            csv={csv('outcomes')}
            chart={
              <Chart
                label="办理结果构成饼图"
                option={{
                  tooltip: { trigger: 'item' },
                  series: [
                    {
                      type: 'pie',
                      radius: ['35%', '65%'],
                      data: s.outcomes.filter((o) => o.count > 0).map((o) => ({ name: o.label, value: o.count })),
                    },
                  ],
                }}
              />
            }
            table={
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={s.outcomes}
                columns={[
                  { title: '办理结果', dataIndex: 'label' },
                  { title: '件数', dataIndex: 'count', align: 'right' },
                ]}
              />
            }
          />
          <ChartCard
            title="在办案件已用时长（今日）"
            csv={csv('open-by-age')}
            chart={
              <Chart
                label="在办案件按已用工作日分布柱状图"
                option={{
                  tooltip: {},
                  xAxis: { type: 'category', data: s.openByAge.map((a) => a.label), axisLabel: { interval: 0, rotate: 20 } },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    {
                      type: 'bar',
                      name: '在办件数',
                      data: s.openByAge.map((a) => ({ value: a.count, itemStyle: { color: (a.min ?? 0) > 20 ? '#b91c1c' : MAROON } })),
                    },
                  ],
                }}
              />
            }
            table={
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={s.openByAge}
                columns={[
                  { title: '已收到工作日数', dataIndex: 'label' },
                  { title: '在办件数', dataIndex: 'count', align: 'right' },
                ]}
              />
            }
          />
        </>
      )}
      {stats.isLoading && <Card loading />}
    </>
  );
}

function ChartCard({ title, chart, table, csv }: { title: string; chart: ReactNode; table: ReactNode; csv: string }) {
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{title}</h3>}
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<DownloadOutlined />} href={csv} aria-label={`导出“${title}”CSV`}>
          导出 CSV
        </Button>
      }
      data-chart={title}
    >
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          {chart}
        </Col>
        <Col xs={24} xl={10}>
          {table}
        </Col>
      </Row>
    </Card>
  );
}

function RateTable({ rows, first }: { rows: (Rate & { key: string; label: string })[]; first: string }) {
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: '答复', dataIndex: 'answered', align: 'right' },
        { title: '按期', dataIndex: 'onTime', align: 'right' },
        { title: '按期率', dataIndex: 'onTimeRate', align: 'right', render: percent },
        { title: '平均用时（工作日）', dataIndex: 'meanWorkingDays', align: 'right', render: days },
      ]}
    />
  );
}

// 年度报告: sections 三 and 四 of the annual report (Art. 50; 国办公开办函〔2021〕30号) in the official
// table layout, from GET /api/reports/annual (the same report the XLSX, CSV and printable page
// come from), with the balance check and the cases the office must still place by hand.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { api, ok } from '../api/client';
import { type AnnualReportDto, as } from '../api/types';
import { describeError } from '../i18n/error-messages';
import { officeToday } from '../today';

const cell = { border: '1px solid #334155', padding: '4px 6px' } as const;
const num = { ...cell, textAlign: 'right' } as const;
const head = { ...cell, background: '#f1f5f9', fontWeight: 600, textAlign: 'center' } as const;

export default function AnnualReport() {
  const thisYear = officeToday().year();
  // By 31 January the office publishes last year's report: that year is the one to look at first.
  const [year, setYear] = useState(officeToday().month() === 0 ? thisYear - 1 : thisYear);
  const report = useQuery({
    queryKey: ['annual', year],
    queryFn: () => as<AnnualReportDto>(ok(api.GET('/api/reports/annual', { params: { query: { year: String(year) } } }))),
  });
  const r = report.data;
  const years = Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          年度报告
        </Typography.Title>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年度` }))}
        />
        <Button icon={<DownloadOutlined />} href={`/api/reports/annual?year=${year}&format=xlsx`}>
          导出 Excel
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/reports/annual?year=${year}&format=csv`}>
          导出 CSV
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      {report.error && (
        <Alert type="error" showIcon message={describeError(report.error).title} description={describeError(report.error).detail} />
      )}
      <Card loading={report.isLoading} className="print-area">
        {r && (
          <>
            <Typography.Title level={3} style={{ textAlign: 'center', fontSize: 18 }}>
              {r.office.name} {r.year}年度政府信息公开工作年度报告（第三、四部分）
            </Typography.Title>
            <div className="no-print" style={{ marginBottom: 12 }}>
              {r.balanced ? (
                <Alert
                  type="success"
                  showIcon
                  message="校验通过：第一项加第二项之和等于第三项（七）加第四项之和，各列均平衡。"
                  data-testid="balance"
                />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  message="校验未通过：第一项加第二项之和不等于第三项（七）加第四项之和，请核对。"
                  data-testid="balance"
                />
              )}
              {r.unclassified.length > 0 && (
                <Alert
                  style={{ marginTop: 8 }}
                  type="warning"
                  showIcon
                  message={`须人工归类：${r.unclassified.length} 件已办结申请未能自动归入第三项（一）至（六）的具体行，目前只计入“（七）总计”，请办公室人工填入相应行。`}
                />
              )}
            </div>
            <SectionThree report={r} />
            <SectionFour report={r} />
            {r.unclassified.length > 0 && (
              <>
                <Typography.Title level={4} style={{ fontSize: 15, marginTop: 24 }}>
                  须人工归类的申请
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="registrationNumber"
                  pagination={false}
                  dataSource={r.unclassified}
                  columns={[
                    { title: '登记编号', dataIndex: 'registrationNumber' },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Card>
    </>
  );
}

/** 三、收到和处理政府信息公开申请情况: the item column split in up to three levels, as the official form. */
function SectionThree({ report }: { report: AnnualReportDto }) {
  const rows = report.rows;
  const three = rows.filter((x) => x.key.startsWith('三.'));
  const manual = report.unclassified.length > 0;
  const group = (key: string) => key.split('.').slice(0, 2).join('.');
  const values = (v: number[], key: string) =>
    v.map((n, i) => (
      <td key={i} style={num} data-row={key} data-col={report.columns[i]}>
        {n}
      </td>
    ));
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 24 }} aria-label="三、收到和处理政府信息公开申请情况">
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>
        三、收到和处理政府信息公开申请情况
      </caption>
      <thead>
        <tr>
          <th style={head} colSpan={3} rowSpan={3} scope="col">
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
          </th>
          <th style={head} colSpan={7} scope="colgroup">
            申请人情况
          </th>
        </tr>
        <tr>
          <th style={head} rowSpan={2} scope="col">
            {report.columns[0]}
          </th>
          <th style={head} colSpan={5} scope="colgroup">
            法人或其他组织
          </th>
          <th style={head} rowSpan={2} scope="col">
            {report.columns[6]}
          </th>
        </tr>
        <tr>
          {report.columns.slice(1, 6).map((c) => (
            <th key={c} style={head} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          if (!row.key.startsWith('三.'))
            return (
              <tr key={row.key}>
                <th style={{ ...cell, textAlign: 'left', fontWeight: 400 }} colSpan={3} scope="row">
                  {row.key}、{row.label}
                </th>
                {values(row.values, row.key)}
              </tr>
            );
          const first = three[0] === row;
          const parts = row.key.split('.');
          const inGroup = three.filter((x) => group(x.key) === group(row.key));
          const firstOfGroup = inGroup[0] === row;
          const [groupLabel, itemLabel] =
            parts.length === 3 ? [row.label.split(' ')[0], row.label.slice(row.label.indexOf(' ') + 1)] : [row.label, ''];
          return (
            <tr key={row.key}>
              {first && (
                <th style={{ ...cell, fontWeight: 400, width: 48 }} rowSpan={three.length} scope="rowgroup">
                  三、本年度办理结果
                </th>
              )}
              {parts.length === 3 ? (
                <Fragment>
                  {firstOfGroup && (
                    <th style={{ ...cell, fontWeight: 400, width: 110 }} rowSpan={inGroup.length} scope="rowgroup">
                      {groupLabel}
                    </th>
                  )}
                  <th style={{ ...cell, textAlign: 'left', fontWeight: 400 }} scope="row">
                    {itemLabel}
                  </th>
                </Fragment>
              ) : (
                <th style={{ ...cell, textAlign: 'left', fontWeight: row.key === '三.七' ? 600 : 400 }} colSpan={2} scope="row">
                  {groupLabel}
                  {row.key === '三.七' && manual && (
                    <span className="no-print" style={{ color: '#a8071a', marginLeft: 8 }}>
                      （含须人工归类 {report.unclassified.length} 件）
                    </span>
                  )}
                </th>
              )}
              {values(row.values, row.key)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 四、政府信息公开行政复议、行政诉讼情况: the official one-line table of 15 numbers. */
function SectionFour({ report }: { report: AnnualReportDto }) {
  const cols = report.remedies.columns;
  const line = report.remedies.line;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="四、政府信息公开行政复议、行政诉讼情况">
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>
        四、政府信息公开行政复议、行政诉讼情况
      </caption>
      <thead>
        <tr>
          <th style={head} colSpan={5} scope="colgroup">
            行政复议
          </th>
          <th style={head} colSpan={10} scope="colgroup">
            行政诉讼
          </th>
        </tr>
        <tr>
          {cols.map((c) => (
            <th key={`r-${c}`} style={head} rowSpan={2} scope="col">
              {c}
            </th>
          ))}
          <th style={head} colSpan={5} scope="colgroup">
            未经复议直接起诉
          </th>
          <th style={head} colSpan={5} scope="colgroup">
            复议后起诉
          </th>
        </tr>
        <tr>
          {[0, 1].flatMap((g) =>
            cols.map((c) => (
              <th key={`${g}-${c}`} style={head} scope="col">
                {c}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {line.map((n, i) => (
            <td key={i} style={num} data-remedy={i}>
              {n}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

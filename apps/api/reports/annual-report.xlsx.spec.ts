import ExcelJS from 'exceljs';
import { buildAnnualReport, type ReportCase } from './annual-report';
import { reportXlsx } from './annual-report.xlsx';

const base: ReportCase = {
  registrationNumber: 'LYZF-2026-00001',
  applicantType: 'natural_person',
  applicantCategory: null,
  receivedOn: '2026-03-02',
  decidedOn: null,
  outcome: null,
  outcomeReason: null,
  triageOutcome: null,
  replyKind: null,
  regime: '2019',
  grounds: [],
};
const c = (over: Partial<ReportCase>): ReportCase => ({ ...base, ...over });

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('annual report as XLSX', () => {
  const report = buildAnnualReport(
    2026,
    { code: 'LINYI', name: '临沂市人民政府办公室' },
    [
      c({ decidedOn: '2026-03-20', outcome: 'replied', replyKind: 'disclose' }),
      c({ registrationNumber: 'LYZF-2026-00002', applicantType: 'legal_person', applicantCategory: 'business' }),
      c({ registrationNumber: 'LYZF-2026-00003', decidedOn: '2026-04-01', outcome: 'replied', replyKind: 'mystery' }),
    ],
    [
      { kind: 'reconsideration', route: null, filedOn: '2026-05-01', outcome: 'upheld', outcomeOn: '2026-06-01' },
      { kind: 'litigation', route: 'after-reconsideration', filedOn: '2026-07-01', outcome: null, outcomeOn: null },
    ],
  );

  it('holds section 三 in the official layout with the same numbers as the JSON report', async () => {
    const wb = await read(await reportXlsx(report));
    const s = wb.getWorksheet('三、收到和处理申请情况')!;
    expect(s.getCell('D2').value).toBe('法人或其他组织');
    expect(s.getCell('D2').isMerged && s.getCell('H2').isMerged).toBe(true);
    expect([4, 5, 6, 7, 8].map((col) => s.getCell(3, col).value)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    report.rows.forEach((row, i) => {
      expect(s.getCell(4 + i, 1).value).toBe(row.key);
      expect([3, 4, 5, 6, 7, 8, 9].map((col) => s.getCell(4 + i, col).value)).toEqual(row.values);
    });
    expect(s.getCell(4 + report.rows.length + 1, 1).value).toBe(
      `校验：一 + 二 = 三（七） + 四：${report.balanced ? '平衡' : '不平衡，请核对'}`,
    );
    expect(s.pageSetup.paperSize).toBe(9); // A4
  });

  it('marks the cases the office must still place by hand', async () => {
    expect(report.unclassified).toHaveLength(1);
    const wb = await read(await reportXlsx(report));
    const s = wb.getWorksheet('三、收到和处理申请情况')!;
    expect(String(s.getCell(4 + report.rows.length + 2, 1).value)).toMatch(/^须人工归类：1 件/);
    const hand = wb.getWorksheet('须人工归类')!;
    expect(hand.getCell('A2').value).toBe('LYZF-2026-00003');
  });

  it('holds section 四 as the one-line table of 15 numbers', async () => {
    const wb = await read(await reportXlsx(report));
    const s = wb.getWorksheet('四、行政复议和行政诉讼情况')!;
    expect(s.getCell('A2').value).toBe('行政复议');
    expect(s.getCell('K3').value).toBe('复议后起诉');
    expect(Array.from({ length: 15 }, (_, i) => s.getCell(5, 1 + i).value)).toEqual(report.remedies.line);
    expect(report.remedies.line).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('gives the same bytes for the same report', async () => {
    expect((await reportXlsx(report)).equals(await reportXlsx(report))).toBe(true);
  });
});

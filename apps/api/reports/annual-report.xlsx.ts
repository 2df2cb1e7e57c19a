// The annual report's tables as an Excel workbook in the official layout (国办公开办函〔2021〕30号):
// section 三 with its two header rows (自然人 | 法人或其他组织 ×5 | 总计), section 四 as the one-line
// table of 15 numbers under 行政复议 / 行政诉讼, the balance check, and the cases the office must
// still place by hand. Built from the same AnnualReport the JSON, CSV and HTML come from.
import ExcelJS from 'exceljs';
import { type AnnualReport, REMEDY_ROWS } from './annual-report';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: 'SimSun', size: 11 };

function box(cell: ExcelJS.Cell, value: ExcelJS.CellValue, opts: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
  cell.value = value;
  cell.border = BORDER;
  cell.font = { ...FONT, bold: opts.bold ?? false };
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'center', wrapText: true };
}

export async function reportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'disclosure-engine';
  wb.created = new Date(0); // the same report gives the same file
  wb.modified = new Date(0);

  const s3 = wb.addWorksheet('三、收到和处理申请情况', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  s3.columns = [{ width: 8 }, { width: 58 }, ...r.columns.map(() => ({ width: 11 }))];
  s3.mergeCells(1, 1, 1, 9);
  box(s3.getCell(1, 1), `${r.office.name} ${r.year}年度 三、收到和处理政府信息公开申请情况`, { bold: true });
  s3.getRow(1).height = 24;
  // Header: 项目 (2 cols, 2 rows) | 自然人 (2 rows) | 法人或其他组织 (5 cols) | 总计 (2 rows).
  s3.mergeCells(2, 1, 3, 2);
  box(s3.getCell(2, 1), '项目（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { bold: true });
  s3.mergeCells(2, 3, 3, 3);
  box(s3.getCell(2, 3), r.columns[0], { bold: true });
  s3.mergeCells(2, 4, 2, 8);
  box(s3.getCell(2, 4), '法人或其他组织', { bold: true });
  r.columns.slice(1, 6).forEach((c, i) => box(s3.getCell(3, 4 + i), c, { bold: true }));
  s3.mergeCells(2, 9, 3, 9);
  box(s3.getCell(2, 9), r.columns[6], { bold: true });
  r.rows.forEach((row, i) => {
    const n = 4 + i;
    box(s3.getCell(n, 1), row.key);
    box(s3.getCell(n, 2), row.label, { align: 'left' });
    row.values.forEach((v, j) => box(s3.getCell(n, 3 + j), v, { align: 'right' }));
  });
  const check = 4 + r.rows.length + 1;
  s3.mergeCells(check, 1, check, 9);
  box(s3.getCell(check, 1), `校验：一 + 二 = 三（七） + 四：${r.balanced ? '平衡' : '不平衡，请核对'}`, {
    align: 'left',
    bold: !r.balanced,
  });
  if (r.unclassified.length) {
    const note = check + 1;
    s3.mergeCells(note, 1, note, 9);
    box(
      s3.getCell(note, 1),
      `须人工归类：${r.unclassified.length} 件已办结申请未能自动归入第三项（一）至（六）的具体行（仅计入“（七）总计”），见“须人工归类”工作表。`,
      { align: 'left', bold: true },
    );
    s3.getCell(note, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  }

  const s4 = wb.addWorksheet('四、行政复议和行政诉讼情况', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  s4.columns = r.remedies.line.map(() => ({ width: 10 }));
  s4.mergeCells(1, 1, 1, 15);
  box(s4.getCell(1, 1), `${r.office.name} ${r.year}年度 四、政府信息公开行政复议、行政诉讼情况`, { bold: true });
  s4.mergeCells(2, 1, 3, 5);
  box(s4.getCell(2, 1), REMEDY_ROWS[0].label, { bold: true });
  s4.mergeCells(2, 6, 2, 15);
  box(s4.getCell(2, 6), '行政诉讼', { bold: true });
  s4.mergeCells(3, 6, 3, 10);
  box(s4.getCell(3, 6), '未经复议直接起诉', { bold: true });
  s4.mergeCells(3, 11, 3, 15);
  box(s4.getCell(3, 11), '复议后起诉', { bold: true });
  for (let part = 0; part < 3; part++) r.remedies.columns.forEach((c, j) => box(s4.getCell(4, 1 + part * 5 + j), c, { bold: true }));
  r.remedies.line.forEach((v, i) => box(s4.getCell(5, 1 + i), v, { align: 'right' }));

  if (r.unclassified.length) {
    const s = wb.addWorksheet('须人工归类');
    s.columns = [
      { header: '登记编号', key: 'registrationNumber', width: 22 },
      { header: '未能自动归类的原因', key: 'reason', width: 80 },
    ];
    for (const u of r.unclassified) s.addRow(u);
    s.getRow(1).font = { ...FONT, bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

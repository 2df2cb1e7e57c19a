// toDocx: the notice as a Word document with the `docx` package — A4, GB/T 9704 margins, title
// centred in 宋体 二号 bold, body in 仿宋 三号 with 28 pt exact line spacing, office and date right
// aligned inside a dashed seal area. The package's clock-dependent parts (core.xml dates, ZIP
// timestamps) are replaced, so the same notice always gives the same bytes and content hash.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { OfficeProfile, RenderedNotice } from './document.types';
import { assertSameOffice } from './document.errors';
import { escapeHtml } from './placeholder.engine';
import { readZip, writeZip } from './zip-archive.util';

const mm = (n: number) => Math.round((n * 1440) / 25.4); // twips
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: '仿宋' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: '宋体' };
const BODY_SIZE = 32; // half-points: 16 pt = 三号
const TITLE_SIZE = 44; // 22 pt = 二号
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const INDENT_2_CHARS = 640; // two 16 pt characters, in twips

function runs(text: string, options: { font?: typeof BODY_FONT; size?: number; bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: options.font ?? BODY_FONT,
        size: options.size ?? BODY_SIZE,
        bold: options.bold,
        color: options.color,
      }),
  );
}

const para = (text: string, options: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ spacing: LINE, ...options, children: runs(text) });

function sealArea(rendered: RenderedNotice): Table {
  const dashed = { style: BorderStyle.DASHED, size: 4, color: '9A9A9A' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const width = mm(70);
  return new Table({
    alignment: AlignmentType.RIGHT,
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        height: { value: mm(42), rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            borders: { top: dashed, bottom: dashed, left: dashed, right: dashed },
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: runs('（印章）', { size: 18, color: '9A9A9A' }) }),
              para(rendered.officeName, { alignment: AlignmentType.RIGHT }),
              para(rendered.dateText, { alignment: AlignmentType.RIGHT }),
            ],
          }),
        ],
      }),
    ],
  });
}

function coreXml(rendered: RenderedNotice): string {
  const when = `${rendered.noticeDate}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeHtml(rendered.title)}</dc:title>` +
    `<dc:subject>${escapeHtml(rendered.noticeNumber)}</dc:subject>` +
    `<dc:creator>${escapeHtml(rendered.officeName)}</dc:creator>` +
    `<cp:keywords>${escapeHtml(`${rendered.templateId}@${rendered.templateVersion}`)}</cp:keywords>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function toDocx(rendered: RenderedNotice, office: Pick<OfficeProfile, 'name'>): Promise<Buffer> {
  assertSameOffice(rendered, office);
  // keepNext on the closing lines keeps them on the page of the seal area.
  const body = rendered.paragraphs.map((p) =>
    para(p.text, {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT_2_CHARS },
      keepNext: p.role === 'closing' || p.role === 'contact',
    }),
  );
  const doc = new Document({
    title: rendered.title,
    creator: rendered.officeName,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        // Page number as GB/T 9704 prints it: — 1 —, 四号 (14 pt) 宋体, centred.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: TITLE_FONT, size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 280, line: 720, lineRule: LineRuleType.EXACT },
            children: runs(rendered.title, { font: TITLE_FONT, size: TITLE_SIZE, bold: true }),
          }),
          para(rendered.noticeNumber, { alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 } }),
          para(`${rendered.addressee}：`),
          ...body,
          para('', { keepNext: true }),
          sealArea(rendered),
        ],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc, undefined, [{ path: 'docProps/core.xml', data: coreXml(rendered) }]);
  // Re-pack with fixed ZIP timestamps (the package stamps the current time on every entry), with
  // [Content_Types].xml first as file-type sniffers expect.
  const entries = readZip(packed);
  const first = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return writeZip([...entries].sort((a, b) => first(a.name) - first(b.name)));
}

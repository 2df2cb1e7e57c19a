// toHtml: a printable A4 page in plain official-letter layout (no red masthead): title, notice
// number, addressee, body, remedies, then office and date bottom right over a seal area.
// Every text is escaped; nothing from a case reaches the page as markup.
import { assertSameOffice } from './document.errors';
import type { OfficeProfile, RenderedNotice } from './document.types';
import { escapeHtml } from './placeholder.engine';

// Margins of GB/T 9704-2012 (党政机关公文格式): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 14pt; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-size: 16pt; line-height: 28pt;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
.title { margin: 0 0 14pt; text-align: center; font-size: 22pt; line-height: 36pt; font-weight: bold;
  font-family: "SimSun", "宋体", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
.number { margin: 0 0 14pt; text-align: center; }
.addressee { margin: 0; }
.body, .item, .remedies, .closing, .contact { margin: 0; text-indent: 2em; text-align: justify; }
.tail { break-inside: avoid; page-break-inside: avoid; }
.signature { position: relative; display: flex; flex-direction: column; align-items: flex-end; justify-content: center;
  min-height: 46mm; margin-top: 14pt; padding-right: 2em; page-break-inside: avoid; break-inside: avoid; }
.signature p { margin: 0; }
.seal { position: absolute; top: 50%; right: 3.5em; width: 42mm; height: 42mm; transform: translateY(-50%);
  border: 0.5pt dashed #9a9a9a; border-radius: 50%; box-sizing: border-box;
  display: flex; align-items: flex-start; justify-content: center; padding-top: 5mm; color: #9a9a9a; font-size: 9pt; line-height: 12pt; }
@media screen {
  body { background: #e8e8e8; }
  .page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; }
}
`;

const paragraph = (cls: string, text: string) => `<p class="${cls}">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

export function toHtml(rendered: RenderedNotice, office: Pick<OfficeProfile, 'name'>): string {
  assertSameOffice(rendered, office);
  // The closing lines travel with the signature, so the seal never lands on a page of its own
  // (GB/T 9704-2012 7.3.5: adjust rather than leave the signature alone).
  let split = rendered.paragraphs.length;
  while (split > 0 && ['closing', 'contact'].includes(rendered.paragraphs[split - 1].role)) split -= 1;
  const body = rendered.paragraphs
    .slice(0, split)
    .map((p) => paragraph(p.role, p.text))
    .join('\n');
  const tail = rendered.paragraphs
    .slice(split)
    .map((p) => paragraph(p.role, p.text))
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="notice-number" content="${escapeHtml(rendered.noticeNumber)}">
<meta name="template" content="${escapeHtml(`${rendered.templateId}@${rendered.templateVersion}`)}">
<title>${escapeHtml(`${rendered.title}（${rendered.noticeNumber}）`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="page">
${paragraph('title', rendered.title)}
${paragraph('number', rendered.noticeNumber)}
${paragraph('addressee', `${rendered.addressee}：`)}
${body}
<div class="tail">
${tail}
<div class="signature">
<div class="seal" aria-label="印章位置">（印章）</div>
${paragraph('office', rendered.officeName)}
${paragraph('date', rendered.dateText)}
</div>
</div>
</main>
</body>
</html>
`;
}

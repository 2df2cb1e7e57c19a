// Plain text of a DOCX (one line per paragraph, table cells included), for golden tests and for
// checking a stored document against its notice text.
import { readZipEntry } from './zip-archive.util';

const XML_ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

export function docxText(docx: Buffer): string {
  const xml = readZipEntry(docx, 'word/document.xml').toString('utf8');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const lines: string[] = [];
  for (const paragraph of body.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let line = '';
    for (const m of paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
      if (m[0] === '<w:br/>') line += '\n';
      else if (m[0] === '<w:tab/>') line += '\t';
      else line += m[1].replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

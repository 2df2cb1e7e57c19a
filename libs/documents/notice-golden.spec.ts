// Golden tests: every bundled template rendered to DOCX (text of word/document.xml), and a few
// representative ones printed to PDF by Chromium (text by pdftotext). Update path: see testing/golden.ts.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { contentHash } from './content-hash.util';
import { docxText } from './docx-text.util';
import { toDocx } from './notice-docx.renderer';
import { toHtml } from './notice-html.renderer';
import { toPdf } from './notice-pdf.renderer';
import { renderNotice } from './notice.renderer';
import { BUNDLED_TEMPLATES } from './templates/notice-template.registry';
import { readGolden } from './testing/golden';
import { FIXTURE_OFFICE, fixtureInput } from './testing/notice-fixtures';

const run = promisify(execFile);

describe('DOCX goldens (one per template)', () => {
  it.each(BUNDLED_TEMPLATES.map((t) => [t.id, t] as const))('%s', async (_id, t) => {
    const rendered = renderNotice(fixtureInput(t.kind, t.regime));
    const docx = await toDocx(rendered, FIXTURE_OFFICE);
    const text = `${docxText(docx)}\n`;
    expect(text).toBe(readGolden(`docx/${t.id}.txt`, text));
    // Every rendered paragraph reaches the document in order.
    const lines = text.split('\n');
    let at = 0;
    for (const p of rendered.paragraphs) {
      at = lines.indexOf(p.text, at);
      expect(at).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives identical bytes (and content hash) for the same notice', async () => {
    const rendered = renderNotice(fixtureInput('reply-refuse', '2019'));
    const [a, b] = await Promise.all([toDocx(rendered, FIXTURE_OFFICE), toDocx(rendered, FIXTURE_OFFICE)]);
    expect(contentHash(a)).toBe(contentHash(b));
  });
});

/** pdftotext wraps lines where the font does; compare without whitespace, store readable text. */
const normalisePdfText = (s: string) =>
  s
    .replace(/\f/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n') + '\n';
const withoutWhitespace = (s: string) => s.replace(/\s+/g, '');

const PDF_CASES = ['reply-refuse.2019', 'reply-partial.2019', 'reply-disclose.2008'] as const;

// Needs Debian's chromium, fonts-noto-cjk and poppler-utils, which .ci/run installs.
describe('PDF goldens (headless Chromium + pdftotext)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'notice-pdf-golden-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(PDF_CASES)(
    '%s',
    async (id) => {
      const t = BUNDLED_TEMPLATES.find((x) => x.id === id)!;
      const rendered = renderNotice(fixtureInput(t.kind, t.regime));
      const pdf = await toPdf(toHtml(rendered, FIXTURE_OFFICE));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = join(dir, `${id}.pdf`);
      await writeFile(file, pdf);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      const text = normalisePdfText(stdout);
      expect(withoutWhitespace(text)).toBe(withoutWhitespace(readGolden(`pdf/${id}.txt`, text)));
      // The printed page carries every paragraph (CJK glyphs present, not tofu).
      const body = withoutWhitespace(text.replace(/^—\s*\d+\s*—$/gm, '')); // page numbers may split a paragraph
      for (const p of rendered.paragraphs) expect(body).toContain(withoutWhitespace(p.text));
    },
    30_000,
  );
});

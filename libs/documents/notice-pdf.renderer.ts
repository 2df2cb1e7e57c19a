// toPdf: prints the HTML page with headless Chromium. Needs the Debian packages `chromium`
// (browser) and `fonts-noto-cjk` (CJK glyphs; without it Chinese prints as boxes).
// The browser is found on PATH (chromium, chromium-browser, google-chrome) unless
// DISCLOSURE_CHROMIUM names it; each call uses a fresh profile directory that is removed after.
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfOptions {
  /** Browser executable; default: $DISCLOSURE_CHROMIUM, else the first Chromium on PATH. */
  browser?: string;
  timeoutMs?: number;
}

export class PdfRenderError extends Error {}

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

async function findBrowser(): Promise<string> {
  const fromEnv = process.env.DISCLOSURE_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATES) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  throw new PdfRenderError(
    'No Chromium found on PATH (install the Debian packages chromium and fonts-noto-cjk, or set DISCLOSURE_CHROMIUM)',
  );
}

export async function toPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const browser = options.browser ?? (await findBrowser());
  const dir = await mkdtemp(join(tmpdir(), 'notice-pdf-'));
  try {
    const htmlFile = join(dir, 'notice.html');
    const pdfFile = join(dir, 'notice.pdf');
    await writeFile(htmlFile, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-pdf-header-footer', // no URL/date header on the printed letter
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: options.timeoutMs ?? 30_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new PdfRenderError(`Chromium failed: ${error.message}\n${String(stderr).slice(-2000)}`));
        else resolve();
      });
    });
    const pdf = await readFile(pdfFile).catch(() => {
      throw new PdfRenderError('Chromium exited without writing the PDF');
    });
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfRenderError('Chromium wrote something that is not a PDF');
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { readZip, readZipEntry, writeZip } from './zip-archive.util';

describe('zip archive', () => {
  it('round-trips entries, including UTF-8 names and empty files', () => {
    const entries = [
      { name: 'word/document.xml', data: Buffer.from('<w:t>政府信息公开</w:t>'.repeat(50)) },
      { name: '空.txt', data: Buffer.alloc(0) },
    ];
    const zip = writeZip(entries);
    expect(readZip(zip)).toEqual(entries);
    expect(readZipEntry(zip, '空.txt')).toEqual(Buffer.alloc(0));
    expect(writeZip(entries)).toEqual(zip);
  });

  it('reports what is wrong with a non-zip or a missing entry', () => {
    expect(() => readZip(Buffer.from('not a zip, definitely not a zip'))).toThrow(/Not a ZIP archive/);
    expect(() => readZipEntry(writeZip([]), 'x')).toThrow(/ZIP entry x not found/);
  });
});

import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('names the file by the notice number: UTF-8 percent-encoded, with an ASCII stand-in', () => {
    const header = attachmentDisposition('临政公开〔2026〕第3号', 'pdf');
    expect(header).toBe(
      `attachment; filename="2026_3.pdf"; filename*=UTF-8''` +
        '%E4%B8%B4%E6%94%BF%E5%85%AC%E5%BC%80%E3%80%942026%E3%80%95%E7%AC%AC3%E5%8F%B7.pdf',
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('临政公开〔2026〕第3号.pdf');
  });

  it('encodes what RFC 5987 does not allow bare and keeps quotes out of the ASCII name', () => {
    const header = attachmentDisposition(`A "b" (c)'d*`, 'docx');
    expect(header).toBe(`attachment; filename="A _b_ (c)'d*.docx"; filename*=UTF-8''A%20%22b%22%20%28c%29%27d%2A.docx`);
    expect(attachmentDisposition('通知书', 'docx')).toMatch(/^attachment; filename="notice\.docx"; /);
  });
});

/**
 * `attachment` with the file's name twice (RFC 6266): `filename*` in UTF-8, percent-encoded
 * as RFC 5987 allows (every byte outside attr-char), for every current browser; `filename`
 * as an ASCII stand-in for older clients (anything else replaced, quotes and backslashes too).
 */
export function attachmentDisposition(name: string, extension: string): string {
  const ascii = name
    .replace(/[^\x20-\x7e]+|["\\/%]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_ ]+|[_ ]+$/g, '');
  const encoded = encodeURIComponent(`${name}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii || 'notice'}.${extension}"; filename*=UTF-8''${encoded}`;
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The public routes' body limit (PUBLIC_BODY_LIMIT_BYTES), tighter than the API's 100 kB, checked
 * before anything reads the body: a declared length above it is 413; a body without a declared
 * length (chunked) is 411, so nobody streams an unbounded body at a route that needs no login.
 */
export function publicBodyLimit(limitBytes: number) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const send = (status: number, error: string, code: string, message: string) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('connection', 'close');
      res.end(JSON.stringify({ statusCode: status, error, code, message }));
    };
    const length = req.headers['content-length'];
    if (length !== undefined) {
      if (!/^\d+$/.test(length) || Number(length) > limitBytes) {
        return send(413, 'Payload Too Large', 'PAYLOAD_TOO_LARGE', `body: must be at most ${limitBytes} bytes`);
      }
    } else if (req.headers['transfer-encoding'] !== undefined) {
      return send(411, 'Length Required', 'LENGTH_REQUIRED', 'Content-Length: is required on public routes');
    }
    next();
  };
}

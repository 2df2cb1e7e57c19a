// Content hash of a stored document (lowercase hex SHA-256), so an issued notice can be proven unchanged.
import { createHash } from 'node:crypto';

export function contentHash(content: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '../../../libs/contracts/error-codes';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** An HTTP error with its stable code (and, for 429/503, how long to wait). */
export class ApiError extends HttpException {
  constructor(status: number, code: ErrorCode, message: string | string[], extra: { retryAfterSeconds?: number; field?: string } = {}) {
    super({ statusCode: status, error: REASONS[status] ?? 'Error', message, code, ...extra }, status);
  }
}

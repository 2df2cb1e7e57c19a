import { type ArgumentMetadata, BadRequestException, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Flattens class-validator errors to `path.to.field: rule` messages. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const path = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const msg of Object.values(e.constraints ?? {})) {
      // class-validator starts messages with the property name; name the full path instead.
      const rule = msg.startsWith(`${e.property} `) ? msg.slice(e.property.length + 1) : msg;
      out.push(`${path}: ${rule.replace(/^property \S+ should not exist$/, 'is not an allowed field')}`);
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

// Unknown fields are rejected, not silently dropped: a typo must not lose data.
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const messages = flattenValidationErrors(errors);
    return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: messages });
  },
});

/** A UTF-16 surrogate without its pair: not a character, and UTF-8 (PostgreSQL) cannot hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text value that no column can store, or null. */
function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain a lone UTF-16 surrogate (not a character; it would be stored as U+FFFD)';
  return null;
}

/**
 * Where a request value holds text no column can store (U+0000, a lone surrogate), as
 * `path.to.field: why` (keys included: they become column values too).
 */
function badTextPaths(value: unknown, path: string, out: string[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    const why = badText(value);
    if (why) out.push(`${path || 'body'}: ${why}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badTextPaths(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = path ? `${path}.${k}` : k;
      const why = badText(k);
      if (why) out.push(`${path || 'body'}: field name ${JSON.stringify(k)}: ${why}`);
      else badTextPaths(v, child, out, depth + 1);
    }
  }
}

/**
 * Checks every body, query and path value before the ValidationPipe.
 *
 * PostgreSQL text cannot hold the NUL character, and a lone UTF-16 surrogate is silently
 * replaced on the way to UTF-8, so such a string anywhere in the body, query or path would
 * fail deep in a query (or in a workflow activity that retries forever) or be stored
 * changed. Refuse it at the door instead, naming each field.
 */
export class RequestShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // A DTO body must be one JSON object; an array would be validated element by element
    // and answered with "0: is not an allowed field". (Raw `unknown` bodies check their own shape.)
    const dtoBody = metadata.type === 'body' && metadata.metatype !== undefined && metadata.metatype !== Object;
    if (dtoBody && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['body: must be a JSON object'] });
    }
    const out: string[] = [];
    // @Query()/@Body() give the whole object; @Param('id')/@Query('from') one named value.
    badTextPaths(value, metadata.data ?? '', out);
    if (out.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: out });
    return value;
  }
}

export const requestShapePipe = new RequestShapePipe();

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

/** Where a request value holds U+0000, as `path.to.field` (keys included: they become column values too). */
function nulPaths(value: unknown, path: string, out: string[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) out.push(`${path || 'body'}: field name ${JSON.stringify(k)}`);
      else nulPaths(v, child, out, depth + 1);
    }
  }
}

/**
 * Checks every body, query and path value before the ValidationPipe.
 *
 * PostgreSQL text cannot hold the NUL character, so a string with U+0000 anywhere in
 * the body, query or path would fail deep in a query (or in a workflow activity that
 * retries forever). Refuse it at the door instead, naming each field.
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
    nulPaths(value, metadata.data ?? '', out);
    if (out.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: out.map((p) => `${p}: must not contain the NUL character (U+0000)`),
      });
    }
    return value;
  }
}

export const requestShapePipe = new RequestShapePipe();

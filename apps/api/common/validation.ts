import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

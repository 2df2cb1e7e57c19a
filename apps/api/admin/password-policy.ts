import { registerDecorator, type ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Every rule of the password policy the password breaks (empty: acceptable). */
export function passwordProblems(password: unknown, username?: string): string[] {
  if (typeof password !== 'string') return ['must be a string'];
  const out: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) out.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) out.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{L}/u.test(password)) out.push('must contain a letter');
  if (!/\p{Nd}/u.test(password)) out.push('must contain a digit');
  if (username && password.toLowerCase().includes(username.toLowerCase())) out.push('must not contain the username');
  return out;
}

/**
 * The password policy as a class-validator rule. With `usernameField`, the password
 * also must not contain the value of that field of the same body.
 */
export function IsAcceptablePassword(usernameField?: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (v: unknown, args) => passwordProblems(v, usernameOf(args?.object, usernameField)).length === 0,
        defaultMessage: (args) => `${propertyName} ${passwordProblems(args?.value, usernameOf(args?.object, usernameField)).join('; ')}`,
      },
    });
}

function usernameOf(object: unknown, field?: string): string | undefined {
  if (!field || object === null || typeof object !== 'object') return undefined;
  const v = (object as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : undefined;
}

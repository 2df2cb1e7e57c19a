import { registerDecorator, type ValidationOptions } from 'class-validator';
import { passwordProblems } from '../../../libs/auth/password-policy';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '../../../libs/auth/password-policy';

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

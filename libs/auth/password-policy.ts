// The password policy, shared by the admin API and the first-admin bootstrap of the migrate job.
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

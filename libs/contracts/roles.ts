export const ROLES = ['clerk', 'reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: recorded with every accepted step. */
export interface Actor {
  username: string;
  role: Role;
}

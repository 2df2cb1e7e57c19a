import type { DataSource, EntityManager } from 'typeorm';
import { workflowIdFor } from '../../../libs/contracts/application';
import type { CaseStatus } from '../../../libs/contracts/case';

export type Db = Pick<DataSource | EntityManager, 'query'>;

/** The facts of a case every caller of `CaseAccess.require` gets back. */
export interface CaseRef {
  id: string;
  workflowId: string;
  status: CaseStatus;
  officeId: string;
  departmentId: string | null;
}

/**
 * The case reached through `from` (applications `a`, or a notice or remedy joined to it) by
 * `key` = `id`, when it satisfies the scope condition (parameters numbered from $2).
 */
export async function findCaseRef(
  db: Db,
  from: string,
  key: string,
  id: string,
  scope: { sql: string; params: unknown[] },
): Promise<CaseRef | undefined> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT a.id, a.workflow_id, a.status, a.office_id, a.department_id FROM ${from} WHERE ${key} = $1 AND ${scope.sql}`,
    [id, ...scope.params],
  );
  const r = rows[0];
  if (!r) return undefined;
  const caseId = r.id as string;
  return {
    id: caseId,
    workflowId: (r.workflow_id as string | null) ?? workflowIdFor(caseId),
    status: r.status as CaseStatus,
    officeId: r.office_id as string,
    departmentId: r.department_id as string | null,
  };
}

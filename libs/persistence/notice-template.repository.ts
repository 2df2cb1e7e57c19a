// Notice templates in force: an administrator's latest active version (notice_templates), else
// the bundled one from libs/documents. Shared by the issueNotice activity and the admin API.
import type { DataSource, EntityManager } from 'typeorm';
import { findTemplate, type LetterKind, type NoticeTemplate, type Regime } from '../documents';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export async function storedTemplate(q: Queryable, kind: LetterKind, regime: Regime): Promise<NoticeTemplate | undefined> {
  const [row] = await q.query(
    `SELECT body FROM notice_templates WHERE kind = $1 AND regime = $2 AND active ORDER BY version DESC LIMIT 1`,
    [kind, regime],
  );
  return row ? (row.body as NoticeTemplate) : undefined;
}

/** The template a new notice of this kind and regime uses, or undefined when there is none. */
export async function templateInForce(q: Queryable, kind: LetterKind, regime: Regime): Promise<NoticeTemplate | undefined> {
  return inForce(await storedTemplate(q, kind, regime), kind, regime);
}

/** The stored template (an administrator's latest active version, already read) or else the bundled one. */
export function inForce(stored: NoticeTemplate | null | undefined, kind: LetterKind, regime: Regime): NoticeTemplate | undefined {
  return stored ?? findTemplate(kind, regime);
}

/** The next version number: above both the bundled and every stored version. */
export async function nextTemplateVersion(q: Queryable, kind: LetterKind, regime: Regime): Promise<number> {
  const [{ max }] = await q.query(`SELECT COALESCE(MAX(version), 0) AS max FROM notice_templates WHERE kind = $1 AND regime = $2`, [
    kind,
    regime,
  ]);
  return Math.max(Number(max), findTemplate(kind, regime)?.version ?? 0) + 1;
}

export interface StoredTemplateVersion {
  version: number;
  body: NoticeTemplate;
  createdBy: string;
  /** The user's display name when the user still exists. */
  createdByName: string | null;
  createdAt: Date;
}

/** Every stored (active) version of kind.regime, oldest first, with who saved it. */
export async function storedTemplateVersions(q: Queryable, kind: LetterKind, regime: Regime): Promise<StoredTemplateVersion[]> {
  const rows: { version: number; body: NoticeTemplate; created_by: string; display_name: string | null; created_at: Date }[] =
    await q.query(
      `SELECT t.version, t.body, t.created_by, u.display_name, t.created_at
         FROM notice_templates t LEFT JOIN users u ON u.username = t.created_by
        WHERE t.kind = $1 AND t.regime = $2 AND t.active
        ORDER BY t.version`,
      [kind, regime],
    );
  return rows.map((r) => ({
    version: Number(r.version),
    body: r.body,
    createdBy: r.created_by,
    createdByName: r.display_name,
    createdAt: r.created_at,
  }));
}

/** Every stored (active) version of every template, by kind, regime and version. */
export async function activeStoredTemplates(
  q: Queryable,
): Promise<{ kind: LetterKind; regime: Regime; version: number; title: string; createdBy: string; createdAt: Date }[]> {
  const rows: { kind: LetterKind; regime: Regime; version: number; title: string; created_by: string; created_at: Date }[] = await q.query(
    `SELECT kind, regime, version, body->>'title' AS title, created_by, created_at FROM notice_templates WHERE active
       ORDER BY kind, regime, version`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    regime: r.regime,
    version: Number(r.version),
    title: r.title,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/**
 * Stores `template` as its version (template.version) of its kind and regime. False when that
 * version was stored meanwhile (another administrator saved first): nothing is written.
 */
export async function insertTemplateVersion(q: Queryable, template: NoticeTemplate, createdBy: string): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO notice_templates (id, kind, regime, version, body, created_by) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)
     ON CONFLICT (kind, regime, version) DO NOTHING RETURNING id`,
    [template.kind, template.regime, template.version, JSON.stringify(template), createdBy],
  );
  return rows.length === 1;
}

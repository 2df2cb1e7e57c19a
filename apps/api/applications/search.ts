/**
 * The `q` of the applications list as a SQL condition on the alias `a`: a case whose
 * registration number or one of whose notice numbers is `q` exactly (registration numbers
 * also in upper case), or whose applicant's name or request description contains `q`
 * (case-insensitive). Parameters are numbered from `first`.
 *
 * Every alternative is an index scan of `applications` (see migration CaseSearch), so
 * PostgreSQL ORs their bitmaps and reads only those rows: b-tree indexes for the numbers
 * (notice numbers and names are looked up first, as arrays of ids) and the GIN index of
 * bigrams for the description. The condition comes twice: as the indexes answer it (all of
 * the description's bigrams occur), which the bitmap scan need not test again, and as the
 * real test (the text occurs), cheap on the few rows left. A single character has no
 * bigram: it falls back to reading the tables.
 */
export function caseSearch(q: string, officeId: string, first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [officeId, q, q.toUpperCase(), `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`];
  const [office, exact, upper, like] = params.map((_, i) => `$${first + i}`);
  const bigrams = [...q].length >= 2;
  const grams = `search_bigrams(${exact}::text)`;
  const byNumber = `a.registration_number IN (${exact}, ${upper})
    OR a.id = ANY (ARRAY(SELECT n.application_id FROM notices n WHERE n.office_id = ${office} AND n.number = ${exact}))`;
  const byName = `a.applicant_id = ANY (ARRAY(SELECT p.id FROM applicants p
    WHERE ${bigrams ? `search_bigrams(p.name) @> ${grams} AND ` : ''}p.name ILIKE ${like}))`;
  const found = `(${byNumber} OR a.description ILIKE ${like} OR ${byName})`;
  if (!bigrams) return { sql: found, params };
  const candidates = `(${byNumber} OR search_bigrams(a.description) @> ${grams} OR ${byName})`;
  return { sql: `${candidates} AND ${found}`, params };
}

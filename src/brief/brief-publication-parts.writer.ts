/**
 * Writes a brief's byline, files and identifiers from mutation input: each list given
 * replaces the stored one (left alone when the same, so IDs and versions stay), after
 * checking references, "exactly one of person or organization", each name once, and
 * every identifier against its scheme's rule and against other briefs. Problems are
 * user errors at their path; nothing is written when there is any.
 */
import { checkIdentifier, IdentifierScheme, workSchemes } from '../identifier/identifier-schemes';
import { resolveReference, type Path } from '../mutation/record-writer';
import { userError, UserErrorCode, type UserError } from '../mutation/user-error';
import type { WriteTransaction } from '../mutation/write-transaction';
import type { BriefUpdateInput } from './brief.mutation-inputs';

type Row = Record<string, unknown>;

/** Makes the brief's rows in `table` the given ones, unless they are already. */
async function replaceRows(transaction: WriteTransaction, table: string, briefKey: number, columns: string[], rows: Row[]): Promise<void> {
  // Sizes are numeric, which pg reads as text: compared as numbers.
  const selected = columns.map((column) => (column === 'size_kilobytes' ? `${column}::float8 AS ${column}` : column));
  const stored = (await transaction.manager.query(`SELECT ${selected.join(', ')} FROM public.${table} WHERE brief_id = $1 ORDER BY position`, [
    briefKey,
  ])) as Row[];
  const normalized = (row: Row) => JSON.stringify(columns.map((column) => row[column] ?? null));
  if (stored.length === rows.length && stored.every((row, index) => normalized(row) === normalized(rows[index]))) return;
  await transaction.manager.query(`DELETE FROM public.${table} WHERE brief_id = $1`, [briefKey]);
  for (const [index, row] of rows.entries()) {
    const names = ['brief_id', 'position', ...columns];
    const values = [briefKey, index + 1, ...columns.map((column) => row[column] ?? null)];
    await transaction.manager.query(
      `INSERT INTO public.${table} (${names.join(', ')}) VALUES (${names.map((_, position) => `$${position + 1}`).join(', ')})`,
      values,
    );
  }
  // The brief's row changes too (its version rises), as relation changes do.
  await transaction.manager.query(`UPDATE public.brief SET updated_at = now() WHERE id = $1`, [briefKey]);
}

async function contributorRows(transaction: WriteTransaction, input: BriefUpdateInput, errors: UserError[]): Promise<Row[]> {
  const rows: Row[] = [];
  const named = new Map<string, number>();
  for (const [index, contributor] of (input.contributors ?? []).entries()) {
    const path: Path = ['input', 'contributors', index];
    if ((contributor.personId == null) === (contributor.organizationId == null)) {
      errors.push(userError(path, 'Give exactly one of personId or organizationId'));
      continue;
    }
    const [field, typeName] = contributor.personId != null ? ['personId', 'Person'] : ['organizationId', 'Organization'];
    const key = await resolveReference(transaction.manager, typeName, contributor.personId ?? contributor.organizationId, [...path, field]);
    if (typeof key !== 'number') {
      errors.push(key);
      continue;
    }
    const who = `${typeName}:${key}`;
    if (named.has(who))
      errors.push(userError([...path, field], `The byline names this ${typeName.toLowerCase()} already (contributors[${named.get(who)}]); name each once`));
    named.set(who, index);
    rows.push({ role: contributor.role, person_id: typeName === 'Person' ? key : null, organization_id: typeName === 'Organization' ? key : null });
  }
  return rows;
}

async function identifierRows(transaction: WriteTransaction, briefKey: number, input: BriefUpdateInput, errors: UserError[]): Promise<Row[]> {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const [index, identifier] of (input.identifiers ?? []).entries()) {
    const path: Path = ['input', 'identifiers', index];
    if (!workSchemes.includes(identifier.scheme)) {
      errors.push(userError([...path, 'scheme'], `${identifier.scheme} identifies people, not briefs; a brief takes ${workSchemes.join(', ')}`));
      continue;
    }
    const checked = checkIdentifier(identifier.scheme, identifier.value);
    if ('problem' in checked) {
      errors.push(userError([...path, 'value'], `The value ${checked.problem}`));
      continue;
    }
    const identity = `${identifier.scheme}:${checked.value}`;
    if (seen.has(identity))
      errors.push(userError([...path, 'value'], `${identifier.scheme} ${checked.value} is given twice (identifiers[${seen.get(identity)}])`));
    seen.set(identity, index);
    const taken = (await transaction.manager.query(
      `SELECT b.slug FROM public.brief_identifier i JOIN public.brief b ON b.id = i.brief_id WHERE i.scheme = $1 AND i.value = $2 AND i.brief_id <> $3`,
      [identifier.scheme, checked.value, briefKey],
    )) as Array<{ slug: string }>;
    if (taken.length > 0)
      errors.push(
        userError([...path, 'value'], `${identifier.scheme} ${checked.value} is already the identifier of brief "${taken[0].slug}"`, UserErrorCode.TAKEN),
      );
    rows.push({ scheme: identifier.scheme as IdentifierScheme, value: checked.value });
  }
  return rows;
}

/** Writes the lists the input gives; returns user errors (and writes nothing) when any is wrong. */
export async function replacePublicationParts(transaction: WriteTransaction, briefKey: number, input: BriefUpdateInput): Promise<UserError[]> {
  const errors: UserError[] = [];
  const contributors = input.contributors ? await contributorRows(transaction, input, errors) : null;
  const identifiers = input.identifiers ? await identifierRows(transaction, briefKey, input, errors) : null;
  if (errors.length > 0) return errors;
  if (contributors) await replaceRows(transaction, 'brief_contributor', briefKey, ['role', 'person_id', 'organization_id'], contributors);
  if (input.files) {
    const files = input.files.map((file) => ({
      kind: file.kind,
      title: file.title,
      url: file.url,
      media_type: file.mediaType ?? null,
      size_kilobytes: file.sizeInKilobytes ?? null,
      language: file.language ?? null,
    }));
    await replaceRows(transaction, 'brief_file', briefKey, ['kind', 'title', 'url', 'media_type', 'size_kilobytes', 'language'], files);
  }
  if (identifiers) await replaceRows(transaction, 'brief_identifier', briefKey, ['scheme', 'value'], identifiers);
  return [];
}

/** Writing briefs: the record type's description for the shared steps, and what is particular to briefs. */
import { appendLessons } from '../lesson/lesson.writer';
import type { MutationResult } from '../mutation/mutation-runner';
import { createRecord, updateRecord } from '../mutation/record-mutations';
import { lockRecord, updateRow, type RecordTypeSpec } from '../mutation/record-writer';
import type { WriteTransaction } from '../mutation/write-transaction';
import { BriefStatus } from './brief.entity';
import { storedPublicationDate } from './publication-date';
import { replacePublicationParts } from './brief-publication-parts.writer';
import type { BriefCreateInput, BriefUpdateInput } from './brief.mutation-inputs';
import { briefFields } from './brief.fields';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';

function publicationDateColumns(value: unknown): Record<string, unknown> {
  const { date, precision } = storedPublicationDate(value === null ? null : String(value));
  return { published_on: date, publication_date_precision: precision };
}

export const briefSpec: RecordTypeSpec = {
  typeName: 'Brief',
  table: 'brief',
  columns: {
    ...writerColumnsOf(briefFields),
    status: { column: 'status', required: true },
    published: { column: 'published_on', convert: publicationDateColumns },
  },
  unique: uniqueFieldsOf(briefFields),
  joins: {
    themeIds: { table: 'brief_theme', ownerColumn: 'brief_id', targetColumn: 'theme_id', targetType: 'Theme' },
    districtIds: { table: 'brief_district', ownerColumn: 'brief_id', targetColumn: 'district_id', targetType: 'District' },
    networkIds: { table: 'brief_network', ownerColumn: 'brief_id', targetColumn: 'network_id', targetType: 'DistrictNetwork' },
    buildsOnIds: { table: 'brief_builds_on', ownerColumn: 'brief_id', targetColumn: 'builds_on_brief_id', targetType: 'Brief' },
  },
};

/** A brief with its join rows and lessons, in one go: a problem with any lesson undoes the whole brief. */
export function createBrief(transaction: WriteTransaction, input: BriefCreateInput): Promise<MutationResult> {
  return createRecord(transaction, briefSpec, input, {
    defaults: { status: BriefStatus.DRAFT },
    afterInsert: async (inner, key) => {
      const partErrors = await replacePublicationParts(inner, key, input);
      return partErrors.length > 0 ? partErrors : appendLessons(inner, key, input.lessons ?? [], ['input', 'lessons']);
    },
  });
}

/** Changes the fields given, and the byline, files and identifiers when given. */
export function updateBrief(
  transaction: WriteTransaction,
  id: string,
  input: BriefUpdateInput,
  expectedVersion: number | null | undefined,
): Promise<MutationResult> {
  return updateRecord(transaction, briefSpec, id, input, expectedVersion, { afterUpdate: (inner, key) => replacePublicationParts(inner, key, input) });
}

/** Publishes or unpublishes a brief (with its lessons and links); nothing changes when it already has that status. */
export async function setBriefStatus(
  transaction: WriteTransaction,
  id: string,
  status: BriefStatus,
  expectedVersion: number | null | undefined,
): Promise<MutationResult> {
  const key = await lockRecord(transaction.manager, briefSpec, id, expectedVersion, ['id']);
  if (typeof key !== 'number') return { record: null, userErrors: [key] };
  const before = (await transaction.snapshot('brief', key))!;
  if (before.status !== status) {
    await updateRow(transaction.manager, 'brief', key, { status });
    transaction.recordChange({ recordType: 'Brief', recordKey: key, before, after: await transaction.snapshot('brief', key) });
  }
  return { record: { typeName: 'Brief', key }, userErrors: [] };
}

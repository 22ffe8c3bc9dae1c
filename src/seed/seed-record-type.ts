/**
 * What each record type declares about the seed format: its key and fields (which the reader
 * validates against and the export orders by), the rules spanning its records, how one record is written into the database and how the whole collection is
 * read back for an export.
 * Each feature folder holds its declaration (`brief/brief.seed.ts`, `meeting/meeting.seed.ts`…);
 * the seed writer and the export are loops over them (seed-record-types.ts), in collection order.
 */
import type { EntityManager } from 'typeorm';
import type { CollectionName, Dataset } from './seed-schema';
import type { FieldSpec } from './seed-fields';
import type { Outcome } from './seed-rows';

export type RecordOf<C extends CollectionName> = Dataset[C][number];

/** A record as read from a seed document, with where it was found, for problems to name. */
export interface LocatedRecord {
  value: Record<string, unknown>;
  file: string;
  line?: number;
  label: string;
}

export type ReportRecordProblem = (record: LocatedRecord, field: string, message: string) => void;

/** What a record type's writer may use: the transaction and the ids of what is already written. */
export interface SeedWriteContext {
  manager: EntityManager;
  /** Database ids by human key (slug or meeting number) of the records written so far and of those outside the dataset (an import); lessons by "brief-slug#position". */
  ids: Record<CollectionName | 'lessons', Map<string | number, number>>;
  /** The id of a source document by slug, null when none is named. */
  sourceId(slug: string | undefined): number | null;
  /** The ids of records of `collection` named by their keys, in the same order. */
  idsOf(collection: CollectionName, keys: Array<string | number> | undefined): number[];
}

/** One record as written: its row's outcome and whether its parts (lessons, links, join rows) changed. */
export interface WrittenRecord {
  id: number;
  outcome: Outcome;
  changed: boolean;
}

export interface SeedRecordType<C extends CollectionName> {
  collection: C;
  /** The field that identifies a record (its human key), if any. */
  key: 'slug' | 'number' | null;
  /** Its fields in seed order, with their rules. */
  fields: Record<string, FieldSpec>;
  /** Rules spanning fields or records of the type, checked after each field has been (records may still be malformed). */
  checkRecords?(records: LocatedRecord[], report: ReportRecordProblem): void;
  /** The order its records are written in, when some refer to others of the same type (a parent first). */
  writeOrder?(records: Array<RecordOf<C>>): Array<RecordOf<C>>;
  /** Upserts one record and its parts by human key. */
  write(context: SeedWriteContext, record: RecordOf<C>): Promise<WrittenRecord>;
  /** Links between records of the type, once all of them have ids; may mark records as changed. */
  afterWriting?(context: SeedWriteContext, written: Array<{ record: RecordOf<C>; result: WrittenRecord }>): Promise<void>;
  /** The whole collection as seed records, in export order (fields in seed order, empty ones left out). */
  readAll(manager: EntityManager): Promise<Array<RecordOf<C>>>;
}

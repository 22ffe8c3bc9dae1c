/** How links between lessons are written from the seed format and read back for an export. */
import { sourceReference } from '../seed/seed-fields';
import type { LocatedRecord, SeedRecordType } from '../seed/seed-record-type';
import { upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { LessonLinkRecord } from '../seed/seed-schema';
import { compareText, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { lessonLinkFields } from './lesson-link.fields';

function lessonReferenceParts(reference: string): [string, number] {
  const [slug, position] = reference.split('#');
  return [slug, Number(position)];
}

function compareLessonReferences(left: string, right: string): number {
  const [leftSlug, leftPosition] = lessonReferenceParts(left);
  const [rightSlug, rightPosition] = lessonReferenceParts(right);
  return compareText(leftSlug, rightSlug) || leftPosition - rightPosition;
}

// A lesson link's identity is (from, to, kind): a second one would silently overwrite the first.
export const lessonLinkSeed: SeedRecordType<'lessonLinks'> = {
  collection: 'lessonLinks',
  key: null,
  fields: {
    from: { type: 'lessonRef', required: true },
    to: { type: 'lessonRef', required: true },
    ...seedFieldsOf(lessonLinkFields),
    source: sourceReference,
  },
  checkRecords(records, report) {
    const links = new Map<string, LocatedRecord>();
    for (const link of records) {
      const { from, to, kind } = link.value as { from?: string; to?: string; kind?: string };
      if (typeof from === 'string' && typeof to === 'string' && from.split('#')[0] === to.split('#')[0]) {
        report(link, 'to', `must be a lesson of another brief than "from" (${from})`);
      }
      if (typeof from !== 'string' || typeof to !== 'string' || typeof kind !== 'string') continue;
      const identity = JSON.stringify([from, to, kind]);
      const first = links.get(identity);
      if (first)
        report(link, 'from', `duplicate link; ${first.label} in ${first.file}${first.line ? `:${first.line}` : ''} already links ${from} to ${to} as ${kind}`);
      else links.set(identity, link);
    }
  },
  async write({ manager, ids, sourceId }, link) {
    const { id, outcome } = await upsertRow(manager, 'lesson_link', ['from_lesson_id', 'to_lesson_id', 'kind'], {
      from_lesson_id: ids.lessons.get(link.from)!,
      to_lesson_id: ids.lessons.get(link.to)!,
      ...seedColumnValues(lessonLinkFields, link, ids),
      source_id: sourceId(link.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    // A lesson is named by its place among its brief's lessons, which is the position the import gives it, even if stored positions have gaps.
    const rows = await selectRows(
      manager,
      `WITH numbered AS (
         SELECT lesson.id, brief.slug || '#' || row_number() OVER (PARTITION BY lesson.brief_id ORDER BY lesson.position) AS reference
           FROM public.lesson lesson JOIN public.brief brief ON brief.id = lesson.brief_id
       )
       SELECT origin.reference AS "from", target.reference AS "to", ${selectedColumns(lessonLinkFields, 'link')}, source.slug AS source
         FROM public.lesson_link link
         JOIN numbered origin ON origin.id = link.from_lesson_id
         JOIN numbered target ON target.id = link.to_lesson_id
         LEFT JOIN public.source_document source ON source.id = link.source_id`,
    );
    return inSeedOrderOf<LessonLinkRecord>(this.fields, rows).sort(
      (left, right) => compareLessonReferences(left.from, right.from) || compareLessonReferences(left.to, right.to) || compareText(left.kind, right.kind),
    );
  },
};

/** Writing lessons and lesson links: appending to a brief, keeping positions 1..n, link rules. */
import type { MutationResult } from '../mutation/mutation-runner';
import { createRecord, deleteRecord } from '../mutation/record-mutations';
import { lockRecord, resolveReference, type Path, type RecordTypeSpec } from '../mutation/record-writer';
import { userError, UserErrorCode, type UserError } from '../mutation/user-error';
import { validateInput } from '../mutation/validation';
import type { WriteTransaction } from '../mutation/write-transaction';
import { writerColumnsOf } from '../shared/record-fields/writer-columns';
import { lessonLinkFields } from './lesson-link.fields';
import { lessonFields } from './lesson.fields';
import type { BriefLessonInput, LessonCreateInput, LessonLinkCreateInput } from './lesson.mutation-inputs';

export const lessonSpec: RecordTypeSpec = {
  typeName: 'Lesson',
  table: 'lesson',
  columns: writerColumnsOf(lessonFields),
  joins: {
    themeIds: { table: 'lesson_theme', ownerColumn: 'lesson_id', targetColumn: 'theme_id', targetType: 'Theme' },
    districtIds: { table: 'lesson_district', ownerColumn: 'lesson_id', targetColumn: 'district_id', targetType: 'District' },
  },
};

export const lessonLinkSpec: RecordTypeSpec = {
  typeName: 'LessonLink',
  table: 'lesson_link',
  columns: {
    fromLessonId: { column: 'from_lesson_id', required: true, reference: 'Lesson' },
    toLessonId: { column: 'to_lesson_id', required: true, reference: 'Lesson' },
    ...writerColumnsOf(lessonLinkFields),
  },
};

/** Appends lessons (validated with the input that holds them) to a brief one by one; the first failure undoes the whole mutation (the runner rolls back). */
export async function appendLessons(transaction: WriteTransaction, briefKey: number, lessons: BriefLessonInput[], path: Path): Promise<UserError[]> {
  // Locks the brief, so two appends to one brief take turns for the next position.
  const [{ last }] = (await transaction.manager.query(
    `SELECT coalesce((SELECT max(position) FROM public.lesson WHERE brief_id = brief.id), 0) AS last FROM public.brief WHERE id = $1 FOR UPDATE`,
    [briefKey],
  )) as Array<{ last: number }>;
  for (const [index, lesson] of lessons.entries()) {
    const result = await createRecord(transaction, lessonSpec, lesson, {
      defaults: { brief_id: briefKey, position: last + index + 1 },
      path: [...path, index],
      validated: true,
    });
    if (result.userErrors.length > 0) return result.userErrors;
  }
  return [];
}

export async function createLesson(transaction: WriteTransaction, input: LessonCreateInput): Promise<MutationResult> {
  const invalid = await validateInput(input);
  if (invalid.length > 0) return { record: null, userErrors: invalid };
  const briefKey = await resolveReference(transaction.manager, 'Brief', input.briefId, ['input', 'briefId']);
  if (typeof briefKey !== 'number') return { record: null, userErrors: [briefKey] };
  const { briefId: _briefId, ...lesson } = input;
  const errors = await appendLessons(transaction, briefKey, [lesson], ['input']);
  if (errors.length > 0) return { record: null, userErrors: errors.map((error) => ({ ...error, field: error.field && ['input', ...error.field.slice(2)] })) };
  const [{ id }] = (await transaction.manager.query(`SELECT id FROM public.lesson WHERE brief_id = $1 ORDER BY position DESC LIMIT 1`, [briefKey])) as Array<{
    id: number;
  }>;
  return { record: { typeName: 'Lesson', key: id }, userErrors: [] };
}

/** Deletes a lesson (and its links) and closes the gap, so positions stay 1..n. */
export async function deleteLesson(transaction: WriteTransaction, id: string, expectedVersion: number | null | undefined): Promise<MutationResult> {
  const key = await lockRecord(transaction.manager, lessonSpec, id, expectedVersion, ['id']);
  if (typeof key !== 'number') return { record: null, userErrors: [key] };
  const [{ brief_id: briefKey, position }] = (await transaction.manager.query(`SELECT brief_id, position FROM public.lesson WHERE id = $1`, [key])) as Array<{
    brief_id: number;
    position: number;
  }>;
  const result = await deleteRecord(transaction, lessonSpec, id, expectedVersion);
  // Two steps, because the unique (brief, position) index is checked row by row within one UPDATE.
  await transaction.manager.query(`UPDATE public.lesson SET position = position + 1000000 WHERE brief_id = $1 AND position > $2`, [briefKey, position]);
  await transaction.manager.query(`UPDATE public.lesson SET position = position - 1000001 WHERE brief_id = $1 AND position > 1000000`, [briefKey]);
  return result;
}

export async function createLessonLink(transaction: WriteTransaction, input: LessonLinkCreateInput): Promise<MutationResult> {
  const invalid = await validateInput(input);
  if (invalid.length > 0) return { record: null, userErrors: invalid };
  const from = await resolveReference(transaction.manager, 'Lesson', input.fromLessonId, ['input', 'fromLessonId']);
  const to = await resolveReference(transaction.manager, 'Lesson', input.toLessonId, ['input', 'toLessonId']);
  const errors = [from, to].filter((item): item is UserError => typeof item !== 'number');
  if (errors.length > 0) return { record: null, userErrors: errors };
  if (from === to) return { record: null, userErrors: [userError(['input', 'toLessonId'], 'A lesson cannot be linked to itself')] };
  const briefs = (await transaction.manager.query(`SELECT DISTINCT brief_id FROM public.lesson WHERE id = ANY($1::int[])`, [[from, to]])) as unknown[];
  if (briefs.length < 2)
    return { record: null, userErrors: [userError(['input', 'toLessonId'], 'Links join lessons of different briefs; both lessons are in the same brief')] };
  const existing = (await transaction.manager.query(`SELECT 1 FROM public.lesson_link WHERE from_lesson_id = $1 AND to_lesson_id = $2 AND kind = $3`, [
    from,
    to,
    input.kind,
  ])) as unknown[];
  if (existing.length > 0)
    return { record: null, userErrors: [userError(['input', 'kind'], `These lessons already have a ${input.kind} link`, UserErrorCode.TAKEN)] };
  return createRecord(transaction, lessonLinkSpec, input);
}

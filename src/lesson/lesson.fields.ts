/**
 * A lesson's one-column fields, declared once: the entity, the mutation inputs, the writer and the
 * seed format (lessons nested in their brief) are derived from them. Its brief and position are the
 * entity's own: lessons are appended to a brief and renumbered there (lesson.writer.ts).
 */
import { evidenceBasisField } from '../evidence/evidence-basis-field';
import { declareFields } from '../shared/record-fields/field-declaration';

export const lessonFields = declareFields({
  statement: { kind: 'text', required: true, maxLength: 1000, description: 'The lesson in one sentence.' },
  // Left out, EDITORIAL_INFERENCE: nothing on record says the source states it.
  basis: evidenceBasisField(
    {
      description: 'On what the lesson rests: stated by the report, summarized from its own summary, or an editorial inference.',
      inputDescription: 'On what the lesson rests; EDITORIAL_INFERENCE when a new lesson leaves it out, unchanged when an update does.',
    },
    'plain',
  ),
  locator: {
    kind: 'text',
    maxLength: 500,
    description: 'Where in its source the lesson is stated (a section, paragraph, list item or page), so a reader can check it.',
  },
  reportLessonNumber: { kind: 'positiveInteger', description: 'The report\'s own number for the lesson, where a source gives it ("Lesson 2").' },
  explanation: {
    kind: 'text',
    maxLength: 10_000,
    description: "Why the lesson follows from its source, in Briefgraph's own words.",
    inputDescription: 'What the brief says in support of the lesson.',
  },
});

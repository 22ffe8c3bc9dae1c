/**
 * A lesson link's one-column fields, declared once: the entity, the create input, the writer and the
 * seed format are derived from them. The two lessons it joins are the entity's own: the seed names
 * them as "brief-slug#position", the API by ID (lesson-link.seed.ts, lesson.mutation-inputs.ts).
 */
import { evidenceBasisField } from '../evidence/evidence-basis-field';
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields } from '../shared/record-fields/field-declaration';
import { LessonLinkKind } from './lesson-link-kind';

export const lessonLinkFields = declareFields({
  kind: {
    kind: 'enum',
    enum: LessonLinkKind,
    enumName: 'lesson_link_kind',
    required: true,
    description: 'How the lesson the link starts from relates to the lesson it points to.',
    objectField: { deprecationReason: kindDeprecation('linkKind') },
  },
  basis: evidenceBasisField({
    description: "On what the link rests; links are Briefgraph editors' reading across reports unless a report itself makes the connection.",
    inputDescription: "On what the link rests; EDITORIAL_INFERENCE (an editor's reading) when left out.",
  }),
  rationale: { kind: 'text', required: true, maxLength: 2000, description: 'Why the two lessons are linked this way.' },
  explanation: { kind: 'text', maxLength: 10_000, description: "Why the link holds and what it does not claim, in Briefgraph's own words." },
});

/**
 * A brief's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed
 * format are derived from them. Its status and publication date are its own (brief.entity.ts says why).
 */
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields, slugField } from '../shared/record-fields/field-declaration';
import { BriefKind } from './brief-kind';

export const briefFields = declareFields({
  slug: slugField('Human key used in URLs, unique.'),
  title: { kind: 'text', required: true, maxLength: 500, description: 'The title, as published.' },
  alternateTitles: {
    kind: 'textList',
    maxItems: 20,
    maxLength: 500,
    description: "Other forms of the title that sources show (a listing's shortened form, say); searchable like the title.",
    inputDescription: 'Other forms of the title that sources show; replaces the list.',
  },
  kind: {
    kind: 'enum',
    enum: BriefKind,
    enumName: 'brief_kind',
    required: true,
    index: 'plain',
    description: 'What sort of publication the brief is.',
    objectField: { deprecationReason: kindDeprecation('briefKind') },
  },
  summary: { kind: 'text', required: true, maxLength: 10_000, description: "A short summary, in Briefgraph's own words." },
  url: {
    kind: 'url',
    description: "Where to read the brief: its publisher's page for it, where a source gives it; null otherwise (never guessed).",
  },
  // The free-text byline of records made before people were records; read through `Brief.authors` (deprecated, brief.resolver.ts), kept for import and export.
  authors: {
    kind: 'textList',
    maxItems: 100,
    maxLength: 200,
    objectField: false,
    description:
      'A free-text byline, as older records have; replaces the list. The deprecated `Brief.authors` shows it only while `contributors` names no author: prefer `contributors`.',
  },
  editorialNote: { kind: 'text', maxLength: 10_000, description: 'What editors know about gaps or uncertainty in the sources.' },
  publisher: {
    kind: 'reference',
    type: 'Organization',
    collection: 'organizations',
    required: true,
    index: 'plain',
    description: 'The organization that published it.',
  },
  followsUpMeeting: { kind: 'reference', type: 'Meeting', collection: 'meetings', index: 'plain', description: 'The meeting it follows up.' },
  declaredLessonCount: {
    kind: 'positiveInteger',
    description:
      'How many lessons the report itself says it draws, where a source says so; `lessons.totalCount` is how many are recorded here ("2 of 6 recorded").',
  },
});

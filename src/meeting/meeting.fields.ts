/** A meeting's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed format are derived from them. */
import { declareFields } from '../shared/record-fields/field-declaration';

export const meetingFields = declareFields({
  number: {
    kind: 'positiveInteger',
    required: true,
    max: 1_000_000,
    index: 'unique',
    description: "The meeting's number in its convener's series; unique.",
  },
  title: {
    kind: 'text',
    maxLength: 500,
    description: 'The meeting\'s title; "Meeting 12", by its number, where the sources give none.',
    inputDescription: "The meeting's title, where it has one.",
    // Never null in the API, like the title of every other record: untitled meetings are called by their number (meeting.reads.ts).
    objectField: { nullable: false },
  },
  // Shown by resolvers of their own: the dates as `startsOn`/`endsOn` (a date scalar) and `dateRange`, the place as `location` (meeting.resolver.ts, meeting.reads.ts).
  startsOn: { kind: 'date', required: true, index: 'plain', objectField: false, description: 'First day, YYYY-MM-DD.' },
  endsOn: { kind: 'date', required: true, onOrAfter: 'startsOn', objectField: false, description: 'Last day, YYYY-MM-DD; on or after the first.' },
  city: { kind: 'text', required: true, maxLength: 200, objectField: false, description: 'The city where it was held.' },
  state: { kind: 'state', required: true, index: 'plain', objectField: false, description: 'Two-letter US state code, such as CA.' },
  convener: {
    kind: 'reference',
    type: 'Organization',
    collection: 'organizations',
    required: true,
    index: 'plain',
    description: 'The organization that convened it.',
  },
  description: { kind: 'text', maxLength: 10_000, description: 'What the meeting was for, in a few sentences.' },
  editorialNote: { kind: 'text', maxLength: 10_000, description: 'What editors know about gaps or uncertainty in the sources.' },
});

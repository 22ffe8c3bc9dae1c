/** How the lesson a link starts from relates to the lesson it points to: a GraphQL enum and a PostgreSQL enum (lesson_link_kind). */
import { registerEnumType } from 'type-graphql';

export enum LessonLinkKind {
  SUPPORTS = 'SUPPORTS',
  EXTENDS = 'EXTENDS',
  QUALIFIES = 'QUALIFIES',
  CONTRADICTS = 'CONTRADICTS',
  REPLICATES = 'REPLICATES',
}
registerEnumType(LessonLinkKind, {
  name: 'LessonLinkKind',
  description: 'How the lesson a link starts from relates to the lesson it points to.',
  valuesConfig: {
    SUPPORTS: { description: 'Gives independent evidence for the other lesson.' },
    EXTENDS: { description: 'Carries the other lesson further, to a new setting or question.' },
    QUALIFIES: { description: 'Limits or adds conditions to the other lesson.' },
    CONTRADICTS: { description: 'Finds the opposite of the other lesson.' },
    REPLICATES: { description: 'Finds the same thing again in another setting.' },
  },
});

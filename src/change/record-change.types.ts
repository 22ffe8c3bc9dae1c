/** The change feed's GraphQL types: what changed, how, when, and where to resume. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { RecordReference } from '../read/request-reads';
import { Node } from '../shared/node';

export enum ChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  PUBLISHED = 'PUBLISHED',
  UNPUBLISHED = 'UNPUBLISHED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to a record.',
  valuesConfig: {
    CREATED: { description: 'The record was created (without an API key: it entered the published view, such as a brief being published).' },
    UPDATED: { description: 'Some of its fields changed (or its relations, which touch the record).' },
    DELETED: { description: 'The record was deleted (without an API key: it left the published view, such as a brief being unpublished).' },
    PUBLISHED: { description: 'A draft brief was published (seen with an API key only).' },
    UNPUBLISHED: { description: 'A published brief went back to draft (seen with an API key only).' },
  },
});

/** The record types of the feed; each value is its table's name in capitals. */
export enum ChangeRecordType {
  BRIEF = 'BRIEF',
  LESSON = 'LESSON',
  LESSON_LINK = 'LESSON_LINK',
  MEETING = 'MEETING',
  THEME = 'THEME',
  DISTRICT = 'DISTRICT',
  DISTRICT_NETWORK = 'DISTRICT_NETWORK',
  ORGANIZATION = 'ORGANIZATION',
  SOURCE_DOCUMENT = 'SOURCE_DOCUMENT',
  PERSON = 'PERSON',
}
registerEnumType(ChangeRecordType, {
  name: 'ChangeRecordType',
  description: 'The kinds of record the change feed follows.',
  valuesConfig: {
    BRIEF: { description: 'Briefs and reports (changes to their byline, files, identifiers, themes and districts touch the brief).' },
    LESSON: { description: 'Lessons (findings) of briefs.' },
    LESSON_LINK: { description: 'Links between lessons.' },
    MEETING: { description: 'Meetings (changes to their agenda and materials touch the meeting).' },
    THEME: { description: 'Themes.' },
    DISTRICT: { description: 'School districts.' },
    DISTRICT_NETWORK: { description: 'District networks and partnerships.' },
    ORGANIZATION: { description: 'Organizations.' },
    SOURCE_DOCUMENT: { description: 'Source documents records are drawn from.' },
    PERSON: { description: 'People credited on briefs (changes to their affiliations touch the person).' },
  },
});

/** GraphQL type names by table: the feed stores table names. */
export const typeNameOfTable: Record<string, string> = {
  brief: 'Brief',
  lesson: 'Lesson',
  lesson_link: 'LessonLink',
  meeting: 'Meeting',
  theme: 'Theme',
  district: 'District',
  district_network: 'DistrictNetwork',
  organization: 'Organization',
  source_document: 'SourceDocument',
  person: 'Person',
};

@ObjectType({ description: 'One change to one record, in commit order. A value with no id: it is an entry of the feed, addressed by its cursor.' })
export class RecordChange {
  @Field({ description: 'Resume the feed after this change by passing this as `after`.' })
  cursor!: string;

  @Field(() => ChangeKind, { description: 'What happened to the record.' })
  kind!: ChangeKind;

  @Field(() => ChangeRecordType, { description: 'The kind of record changed.' })
  recordType!: ChangeRecordType;

  @Field(() => ID, { description: 'The global ID of the record changed, also for a deletion.' })
  recordId!: string;

  @Field(() => Node, { nullable: true, description: 'The record as it is now; null once deleted (or, without an API key, no longer published).' })
  record!: RecordReference | null;

  @Field(() => [String], {
    description: 'For an update, the fields whose values changed (names as in the schema, foreign keys named by their relation); empty otherwise.',
  })
  changedFields!: string[];

  @Field(() => Date, { description: 'When the change was made (its transaction may have committed a little later).' })
  occurredAt!: Date;
}

@ObjectType({ description: 'A page of the change feed. A value with no id: a page of the feed as read now, resumed by its end cursor.' })
export class RecordChangePage {
  @Field(() => [RecordChange], { description: 'The changes after the cursor given, oldest first.' })
  changes!: RecordChange[];

  @Field({ description: 'Where to resume: pass it as `after` next time. Always given, and moves past changes the filters leave out.' })
  endCursor!: string;

  @Field({ description: 'Whether more changes are ready now; when false, ask again later with `endCursor`.' })
  hasMore!: boolean;

  @Field({
    description:
      'Whether changes already committed wait behind a transaction of this database still running. They come after `endCursor` once it ends, usually within milliseconds, so ask again shortly; none is ever skipped. May be true when none of the waiting changes pass the filters.',
  })
  pending!: boolean;
}

/** Any publication: policy brief, report, research paper, meeting summary, case study. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { District } from '../district/district.entity';
import type { Meeting } from '../meeting/meeting.entity';
import type { DistrictNetwork } from '../network/district-network.entity';
import type { Organization } from '../organization/organization.entity';
import { DatePrecision } from '../shared/date-precision';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Theme } from '../theme/theme.entity';
import { kindDeprecation } from '../shared/kind-fields';

export enum BriefKind {
  POLICY_BRIEF = 'POLICY_BRIEF',
  REPORT = 'REPORT',
  RESEARCH_PAPER = 'RESEARCH_PAPER',
  MEETING_SUMMARY = 'MEETING_SUMMARY',
  CASE_STUDY = 'CASE_STUDY',
}
registerEnumType(BriefKind, {
  name: 'BriefKind',
  description: 'What sort of publication a brief is.',
  valuesConfig: {
    POLICY_BRIEF: { description: 'A short brief for policymakers.' },
    REPORT: { description: 'A full research report.' },
    RESEARCH_PAPER: { description: 'A research or working paper.' },
    MEETING_SUMMARY: { description: 'A summary of a meeting and what was said there.' },
    CASE_STUDY: { description: 'A study of one district, school or program.' },
  },
});

export enum BriefStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(BriefStatus, {
  name: 'BriefStatus',
  description: 'Whether a brief is visible to everyone. Drafts, with their lessons and links, are seen only by requests with an API key.',
  valuesConfig: {
    DRAFT: { description: 'Seen only by requests with an API key.' },
    PUBLISHED: { description: 'Seen by everyone.' },
  },
});

@ObjectType({ implements: Node, description: 'A publication: policy brief, report, research paper, meeting summary or case study.' })
@Entity({ name: 'brief' })
@Index('brief_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('brief_title_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('brief_title_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('brief_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('brief_published_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Index('brief_title_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('brief_declared_lesson_count_is_positive', 'declared_lesson_count > 0')
@Check('brief_publication_date_has_precision', '(published_on IS NULL) = (publication_date_precision IS NULL)')
export class Brief extends SourcedRecord {
  @Field({ description: 'Human key used in URLs, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: 'The title, as published.' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => [String], { description: "Other forms of the title that sources show (a listing's shortened form, say); searchable like the title." })
  @Column({ name: 'alternate_titles', type: 'text', array: true, default: () => "'{}'" })
  alternateTitles!: string[];

  @Field(() => BriefKind, { description: 'What sort of publication the brief is.', deprecationReason: kindDeprecation('briefKind') })
  @Index()
  @Column({ type: 'enum', enum: BriefKind, enumName: 'brief_kind' })
  kind!: BriefKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => BriefKind, { description: 'What sort of publication the brief is.' })
  get briefKind(): BriefKind {
    return this.kind;
  }

  @Field(() => BriefStatus, { description: 'Whether the brief is published or a draft.' })
  @Column({ type: 'enum', enum: BriefStatus, enumName: 'brief_status', default: BriefStatus.PUBLISHED })
  status!: BriefStatus;

  @Index()
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'publication_date_precision', type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  publicationDatePrecision!: DatePrecision | null;

  @Field({ description: "A short summary, in Briefgraph's own words." })
  @Column({ type: 'text' })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: "Where to read the brief: its publisher's page for it, where a source gives it; null otherwise (never guessed).",
  })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** The free-text byline of records made before people were records; read through `Brief.authors` (deprecated), kept for import and export. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  authors!: string[];

  @Field(() => String, { nullable: true, description: 'What editors know about gaps or uncertainty in the sources.' })
  @Column({ name: 'editorial_note', type: 'text', nullable: true })
  editorialNote!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many lessons the report itself says it draws, where a source says so; `lessons.totalCount` is how many are recorded here ("2 of 6 recorded").',
  })
  @Column({ name: 'declared_lesson_count', type: 'int', nullable: true })
  declaredLessonCount!: number | null;

  @Index()
  @Column({ name: 'publisher_id', type: 'int' })
  publisherKey!: number;

  @ManyToOne('Organization', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publisher_id' })
  publisher?: Organization;

  @Index()
  @Column({ name: 'follows_up_meeting_id', type: 'int', nullable: true })
  followsUpMeetingKey!: number | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'follows_up_meeting_id' })
  followsUpMeeting?: Meeting | null;

  @ManyToMany('Theme', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'brief_theme',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'brief_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'theme_id', referencedColumnName: 'key' },
  })
  themes?: Theme[];

  @ManyToMany('District', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'brief_district',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'brief_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'district_id', referencedColumnName: 'key' },
  })
  districts?: District[];

  @ManyToMany('DistrictNetwork', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'brief_network',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'brief_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'network_id', referencedColumnName: 'key' },
  })
  networks?: DistrictNetwork[];

  @ManyToMany('Brief', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'brief_builds_on',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'brief_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'builds_on_brief_id', referencedColumnName: 'key' },
  })
  buildsOn?: Brief[];

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

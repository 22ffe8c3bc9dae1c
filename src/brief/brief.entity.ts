/** Any publication: policy brief, report, research paper, meeting summary, case study. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { District } from '../district/district.entity';
import type { Meeting } from '../meeting/meeting.entity';
import type { DistrictNetwork } from '../network/district-network.entity';
import type { Organization } from '../organization/organization.entity';
import { DatePrecision } from '../shared/date-precision';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Theme } from '../theme/theme.entity';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { BriefKind } from './brief-kind';
import { briefFields } from './brief.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { BriefKind };

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
@EntityFields(briefFields)
@Index('brief_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('brief_title_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('brief_title_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('brief_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('brief_published_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Index('brief_title_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('brief_declared_lesson_count_is_positive', 'declared_lesson_count > 0')
@Check('brief_publication_date_has_precision', '(published_on IS NULL) = (publication_date_precision IS NULL)')
export class Brief extends entityBase(SourcedRecord, briefFields) {
  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => BriefKind, { description: 'What sort of publication the brief is.' })
  get briefKind(): BriefKind {
    return this.kind;
  }

  // Not in brief.fields.ts: the status changes by publishing and unpublishing, not by an update, and the
  // publication date is two columns (the date and how precisely it is known; brief.writer.ts converts it).
  @Field(() => BriefStatus, { description: 'Whether the brief is published or a draft.' })
  @Column({ type: 'enum', enum: BriefStatus, enumName: 'brief_status', default: BriefStatus.PUBLISHED })
  status!: BriefStatus;

  @Index()
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'publication_date_precision', type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  publicationDatePrecision!: DatePrecision | null;

  @ManyToOne('Organization', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publisher_id' })
  publisher?: Organization;

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

/** A numbered convening, with its dates, place, convener, agenda and materials. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { District } from '../district/district.entity';
import type { Organization } from '../organization/organization.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Theme } from '../theme/theme.entity';

@ObjectType({ implements: Node, description: 'A numbered meeting convened by an organization.' })
@Entity({ name: 'meeting' })
@Index('meeting_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('meeting_title_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('meeting_title_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('meeting_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('meeting_starts_on_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('meeting_ends_on_or_after_start', 'ends_on >= starts_on')
@Check('meeting_number_is_positive', 'number > 0')
@Check('meeting_state_is_a_code', `state ~ '^[A-Z]{2}$'`)
export class Meeting extends SourcedRecord {
  @Field(() => Int, { description: "The meeting's number in its convener's series; unique." })
  @Index({ unique: true })
  @Column({ type: 'int' })
  number!: number;

  // Never null in the API, like the title of every other record: untitled meetings are called by their number (meeting.reads.ts).
  @Field(() => String, { description: 'The meeting\'s title; "Meeting 12", by its number, where the sources give none.' })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Index()
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'text' })
  city!: string;

  @Index()
  @Column({ type: 'char', length: 2 })
  state!: string;

  @Field(() => String, { nullable: true, description: 'What the meeting was for, in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'What editors know about gaps or uncertainty in the sources.' })
  @Column({ name: 'editorial_note', type: 'text', nullable: true })
  editorialNote!: string | null;

  @Index()
  @Column({ name: 'convener_id', type: 'int' })
  convenerKey!: number;

  @ManyToOne('Organization', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'convener_id' })
  convener?: Organization;

  @ManyToMany('Theme', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'meeting_theme',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'meeting_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'theme_id', referencedColumnName: 'key' },
  })
  themes?: Theme[];

  @ManyToMany('District', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'meeting_district',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'meeting_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'district_id', referencedColumnName: 'key' },
  })
  districts?: District[];

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

/** A numbered convening, with its dates, place, convener, agenda and materials. */
import { ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { District } from '../district/district.entity';
import type { Organization } from '../organization/organization.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { meetingFields } from './meeting.fields';
import type { Theme } from '../theme/theme.entity';

@ObjectType({ implements: Node, description: 'A numbered meeting convened by an organization.' })
@Entity({ name: 'meeting' })
@EntityFields(meetingFields)
@Index('meeting_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('meeting_title_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('meeting_title_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('meeting_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('meeting_starts_on_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('meeting_ends_on_or_after_start', 'ends_on >= starts_on')
@Check('meeting_number_is_positive', 'number > 0')
@Check('meeting_state_is_a_code', `state ~ '^[A-Z]{2}$'`)
export class Meeting extends entityBase(SourcedRecord, meetingFields) {
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

/** A finding drawn in a brief. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { Brief } from '../brief/brief.entity';
import type { District } from '../district/district.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { lessonFields } from './lesson.fields';
import type { Theme } from '../theme/theme.entity';

@ObjectType({ implements: Node, description: 'A lesson, or finding, that a brief draws.' })
@Entity({ name: 'lesson' })
@EntityFields(lessonFields)
@Index('lesson_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('lesson_statement_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('lesson_statement_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('lesson_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index(['briefKey', 'position'], { unique: true })
@Check('lesson_position_is_positive', 'position > 0')
@Check('lesson_report_lesson_number_is_positive', 'report_lesson_number > 0')
export class Lesson extends entityBase(SourcedRecord, lessonFields) {
  @Column({ name: 'brief_id', type: 'int' })
  briefKey!: number;

  @ManyToOne('Brief', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brief_id' })
  brief?: Brief;

  @Field(() => Int, { description: 'Position of the lesson within its brief, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @ManyToMany('Theme', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'lesson_theme',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'lesson_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'theme_id', referencedColumnName: 'key' },
  })
  themes?: Theme[];

  @ManyToMany('District', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'lesson_district',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'lesson_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'district_id', referencedColumnName: 'key' },
  })
  districts?: District[];

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

/** A typed, explained link from a lesson in one brief to a lesson in another. */
import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Lesson } from './lesson.entity';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { LessonLinkKind } from './lesson-link-kind';
import { lessonLinkFields } from './lesson-link.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { LessonLinkKind };

@ObjectType({ implements: Node, description: 'A link from one lesson to a lesson in another brief, with its rationale.' })
@Entity({ name: 'lesson_link' })
@EntityFields(lessonLinkFields)
@Index('lesson_link_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index(['fromLessonKey', 'toLessonKey', 'kind'], { unique: true })
@Check('lesson_link_joins_two_lessons', 'from_lesson_id <> to_lesson_id')
export class LessonLink extends entityBase(SourcedRecord, lessonLinkFields) {
  @Column({ name: 'from_lesson_id', type: 'int' })
  fromLessonKey!: number;

  @ManyToOne('Lesson', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_lesson_id' })
  fromLesson?: Lesson;

  @Index()
  @Column({ name: 'to_lesson_id', type: 'int' })
  toLessonKey!: number;

  @ManyToOne('Lesson', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_lesson_id' })
  toLesson?: Lesson;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => LessonLinkKind, { description: 'How the lesson the link starts from relates to the lesson it points to.' })
  get linkKind(): LessonLinkKind {
    return this.kind;
  }
}

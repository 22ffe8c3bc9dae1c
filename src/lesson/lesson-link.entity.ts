/** A typed, explained link from a lesson in one brief to a lesson in another. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Lesson } from './lesson.entity';
import { kindDeprecation } from '../shared/kind-fields';

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

@ObjectType({ implements: Node, description: 'A link from one lesson to a lesson in another brief, with its rationale.' })
@Entity({ name: 'lesson_link' })
@Index('lesson_link_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index(['fromLessonKey', 'toLessonKey', 'kind'], { unique: true })
@Check('lesson_link_joins_two_lessons', 'from_lesson_id <> to_lesson_id')
export class LessonLink extends SourcedRecord {
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

  @Field(() => LessonLinkKind, {
    description: 'How the lesson the link starts from relates to the lesson it points to.',
    deprecationReason: kindDeprecation('linkKind'),
  })
  @Column({ type: 'enum', enum: LessonLinkKind, enumName: 'lesson_link_kind' })
  kind!: LessonLinkKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => LessonLinkKind, { description: 'How the lesson the link starts from relates to the lesson it points to.' })
  get linkKind(): LessonLinkKind {
    return this.kind;
  }

  @Field({ description: 'Why the two lessons are linked this way.' })
  @Column({ type: 'text' })
  rationale!: string;

  @Field(() => EvidenceBasis, {
    description: "On what the link rests; links are Briefgraph editors' reading across reports unless a report itself makes the connection.",
  })
  @Column({ type: 'enum', enum: EvidenceBasis, enumName: 'evidence_basis', default: EvidenceBasis.EDITORIAL_INFERENCE })
  basis!: EvidenceBasis;

  @Field(() => String, { nullable: true, description: "Why the link holds and what it does not claim, in Briefgraph's own words." })
  @Column({ type: 'text', nullable: true })
  explanation!: string | null;
}

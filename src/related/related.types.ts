/** Ranked lists of related records, each edge with its score and reasons. */
import { Field, Float, ObjectType } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { Lesson } from '../lesson/lesson.entity';
import { RelationReason } from './relation-reason';

@ObjectType({ description: 'A related lesson, with how strongly and why it is related.' })
export class RelatedLessonEdge {
  @Field(() => Float, { description: 'Sum of the reasons\' weights; higher is more related.' })
  score!: number;

  @Field(() => [RelationReason])
  reasons!: RelationReason[];

  @Field(() => Lesson)
  node!: Lesson;
}

@ObjectType({ description: 'Lessons in other briefs related to a lesson, most related first.' })
export class RelatedLessonConnection {
  @Field(() => [RelatedLessonEdge])
  edges!: RelatedLessonEdge[];

  @Field(() => [Lesson])
  get nodes(): Lesson[] {
    return this.edges.map((edge) => edge.node);
  }
}

@ObjectType({ description: 'A related brief, with how strongly and why it is related.' })
export class RelatedBriefEdge {
  @Field(() => Float, { description: 'Sum of the reasons\' weights; higher is more related.' })
  score!: number;

  @Field(() => [RelationReason])
  reasons!: RelationReason[];

  @Field(() => Brief)
  node!: Brief;
}

@ObjectType({ description: 'Other briefs related to a brief, most related first.' })
export class RelatedBriefConnection {
  @Field(() => [RelatedBriefEdge])
  edges!: RelatedBriefEdge[];

  @Field(() => [Brief])
  get nodes(): Brief[] {
    return this.edges.map((edge) => edge.node);
  }
}

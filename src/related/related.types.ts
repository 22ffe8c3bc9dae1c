/** Ranked lists of related records, each edge with its score and reasons. */
import { Field, Float, ObjectType } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { Lesson } from '../lesson/lesson.entity';
import type { RecordReference } from '../read/request-reads';
import { RelationReason } from './relation-reason';

@ObjectType({ description: 'A related lesson, with how strongly and why it is related.' })
export class RelatedLessonEdge {
  @Field(() => Float, { description: 'Sum of the reasons\' weights; higher is more related.' })
  score!: number;

  @Field(() => [RelationReason])
  reasons!: RelationReason[];

  @Field(() => Lesson)
  node!: RecordReference;
}

@ObjectType({ description: 'Lessons in other briefs related to a lesson, most related first.' })
export class RelatedLessonConnection {
  @Field(() => [RelatedLessonEdge])
  edges!: RelatedLessonEdge[];

  @Field(() => [Lesson])
  get nodes(): RecordReference[] {
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
  node!: RecordReference;
}

@ObjectType({ description: 'Other briefs related to a brief, most related first.' })
export class RelatedBriefConnection {
  @Field(() => [RelatedBriefEdge])
  edges!: RelatedBriefEdge[];

  @Field(() => [Brief])
  get nodes(): RecordReference[] {
    return this.edges.map((edge) => edge.node);
  }
}

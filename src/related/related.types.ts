/** Ranked lists of related records as Relay connections, each edge with its score and reasons. */
import { Field, Float, ObjectType } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { Lesson } from '../lesson/lesson.entity';
import type { RecordReference } from '../read/request-reads';
import { PageInfo } from '../shared/pagination/connection';
import { RelationReason } from './relation-reason';

@ObjectType({ description: 'A related lesson, with how strongly and why it is related.' })
export class RelatedLessonEdge {
  @Field({ description: 'Opaque cursor of this edge, for after.' })
  cursor!: string;

  @Field(() => Float, { description: "Sum of the reasons' weights; higher is more related." })
  score!: number;

  @Field(() => [RelationReason], { description: 'Why the lesson is related, strongest reason first.' })
  reasons!: RelationReason[];

  @Field(() => Lesson, { description: 'The related lesson.' })
  node!: RecordReference;
}

@ObjectType({ description: 'Lessons in other briefs related to a lesson, most related first: a Relay connection, paged forwards.' })
export class RelatedLessonConnection {
  @Field(() => [RelatedLessonEdge], { description: 'The related lessons of this page, with their scores and reasons.' })
  edges!: RelatedLessonEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the ranking.' })
  pageInfo!: PageInfo;

  @Field(() => [Lesson], { description: 'The nodes of the edges, for when cursors, scores and reasons are not needed.' })
  get nodes(): RecordReference[] {
    return this.edges.map((edge) => edge.node);
  }
}

@ObjectType({ description: 'A related brief, with how strongly and why it is related.' })
export class RelatedBriefEdge {
  @Field({ description: 'Opaque cursor of this edge, for after.' })
  cursor!: string;

  @Field(() => Float, { description: "Sum of the reasons' weights; higher is more related." })
  score!: number;

  @Field(() => [RelationReason], { description: 'Why the brief is related, strongest reason first.' })
  reasons!: RelationReason[];

  @Field(() => Brief, { description: 'The related brief.' })
  node!: RecordReference;
}

@ObjectType({ description: 'Other briefs related to a brief, most related first: a Relay connection, paged forwards.' })
export class RelatedBriefConnection {
  @Field(() => [RelatedBriefEdge], { description: 'The related briefs of this page, with their scores and reasons.' })
  edges!: RelatedBriefEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the ranking.' })
  pageInfo!: PageInfo;

  @Field(() => [Brief], { description: 'The nodes of the edges, for when cursors, scores and reasons are not needed.' })
  get nodes(): RecordReference[] {
    return this.edges.map((edge) => edge.node);
  }
}

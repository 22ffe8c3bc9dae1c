/** Inputs of the lesson and lesson link mutations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNotBlank } from '../mutation/validation';
import { LessonLinkKind } from './lesson-link.entity';
import { maximumRelatedRecords } from '../shared/list-limits';

@InputType({ description: 'The lesson fields a brief is created with.' })
export class BriefLessonInput {
  @Field({ description: 'The lesson in one sentence.' })
  @IsNotBlank()
  @MaxLength(1000)
  statement!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  explanation?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];
}

@InputType({ description: 'A lesson added at the end of a brief.' })
export class LessonCreateInput extends BriefLessonInput {
  @Field(() => ID)
  briefId!: string;
}

@InputType({ description: 'Fields to change; those left out stay as they are.' })
export class LessonUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(1000)
  statement?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  explanation?: string | null;
}

@InputType({ description: 'A typed link from a lesson to a lesson of another brief.' })
export class LessonLinkCreateInput {
  @Field(() => ID, { description: 'The lesson the link starts from.' })
  fromLessonId!: string;

  @Field(() => ID, { description: 'The lesson it points to; of another brief.' })
  toLessonId!: string;

  @Field(() => LessonLinkKind)
  kind!: LessonLinkKind;

  @Field({ description: 'Why the two lessons are linked this way.' })
  @IsNotBlank()
  @MaxLength(2000)
  rationale!: string;
}

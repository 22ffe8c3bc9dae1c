/** Inputs of the lesson and lesson link mutations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { IsNotBlank } from '../mutation/validation';
import { LessonLinkKind } from './lesson-link.entity';
import { maximumRelatedRecords } from '../shared/list-limits';

@InputType({ description: 'The lesson fields a brief is created with.' })
export class BriefLessonInput {
  @Field({ description: 'The lesson in one sentence.' })
  @IsNotBlank()
  @MaxLength(1000)
  statement!: string;

  @Field(() => String, { nullable: true, description: 'What the brief says in support of the lesson.' })
  @IsOptional()
  @MaxLength(10_000)
  explanation?: string | null;

  @Field(() => EvidenceBasis, { nullable: true, description: 'On what the lesson rests; EDITORIAL_INFERENCE when left out.' })
  @IsOptional()
  basis?: EvidenceBasis | null;

  @Field(() => String, { nullable: true, description: 'Where in its source the lesson is stated (section, paragraph, list item or page).' })
  @IsOptional()
  @MaxLength(500)
  locator?: string | null;

  @Field(() => Int, { nullable: true, description: "The report's own number for the lesson, where a source gives it." })
  @IsOptional()
  @IsInt()
  @Min(1)
  reportLessonNumber?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Themes of the lesson.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Districts the lesson is about.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];
}

@InputType({ description: 'A lesson added at the end of a brief.' })
export class LessonCreateInput extends BriefLessonInput {
  @Field(() => ID, { description: 'The brief the lesson is added to, at its end.' })
  briefId!: string;
}

@InputType({ description: 'Fields to change; those left out stay as they are.' })
export class LessonUpdateInput {
  @Field(() => String, { nullable: true, description: 'The lesson in one sentence.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(1000)
  statement?: string;

  @Field(() => String, { nullable: true, description: 'What the brief says in support of the lesson.' })
  @IsOptional()
  @MaxLength(10_000)
  explanation?: string | null;

  @Field(() => EvidenceBasis, { nullable: true, description: 'On what the lesson rests; null leaves it as it is.' })
  @IsOptional()
  basis?: EvidenceBasis | null;

  @Field(() => String, { nullable: true, description: 'Where in its source the lesson is stated (section, paragraph, list item or page).' })
  @IsOptional()
  @MaxLength(500)
  locator?: string | null;

  @Field(() => Int, { nullable: true, description: "The report's own number for the lesson, where a source gives it." })
  @IsOptional()
  @IsInt()
  @Min(1)
  reportLessonNumber?: number | null;
}

@InputType({ description: 'A typed link from a lesson to a lesson of another brief.' })
export class LessonLinkCreateInput {
  @Field(() => ID, { description: 'The lesson the link starts from.' })
  fromLessonId!: string;

  @Field(() => ID, { description: 'The lesson it points to; of another brief.' })
  toLessonId!: string;

  @Field(() => LessonLinkKind, { description: 'How the lesson the link starts from relates to the lesson it points to.' })
  kind!: LessonLinkKind;

  @Field({ description: 'Why the two lessons are linked this way.' })
  @IsNotBlank()
  @MaxLength(2000)
  rationale!: string;

  @Field(() => EvidenceBasis, { nullable: true, description: "On what the link rests; EDITORIAL_INFERENCE (an editor's reading) when left out." })
  @IsOptional()
  basis?: EvidenceBasis | null;

  @Field(() => String, { nullable: true, description: 'Why the link holds and what it does not claim.' })
  @IsOptional()
  @MaxLength(10_000)
  explanation?: string | null;
}

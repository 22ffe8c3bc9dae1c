/** Inputs of the brief mutations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNotBlank, IsPartialDate, IsSlug, IsWebAddress } from '../mutation/validation';
import { BriefLessonInput } from '../lesson/lesson.mutation-inputs';
import { BriefKind, BriefStatus } from './brief.entity';
import { maximumRelatedRecords } from '../shared/list-limits';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
export class BriefUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(500)
  title?: string;

  @Field(() => BriefKind, { nullable: true })
  kind?: BriefKind;

  @Field(() => String, { nullable: true, description: 'When it was published, as precisely as known: "2019", "2019-05" or "2019-05-01".' })
  @IsOptional()
  @IsPartialDate()
  published?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(10_000)
  summary?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsWebAddress()
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'Authors in byline order; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsNotBlank({ each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  editorialNote?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that published it.' })
  publisherId?: string;

  @Field(() => ID, { nullable: true, description: 'The meeting it follows up.' })
  followsUpMeetingId?: string | null;
}

@InputType({ description: 'A new brief, with its lessons. It starts as a draft unless `status` says otherwise.' })
export class BriefCreateInput extends BriefUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field()
  override title!: string;

  @Field(() => BriefKind)
  override kind!: BriefKind;

  @Field()
  override summary!: string;

  @Field(() => ID)
  override publisherId!: string;

  @Field(() => BriefStatus, { nullable: true, description: 'DRAFT (the default) or PUBLISHED.' })
  status?: BriefStatus;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'District networks the brief studies.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  networkIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Earlier briefs this one builds on.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  buildsOnIds?: string[];

  @Field(() => [BriefLessonInput], { nullable: true, description: 'The lessons the brief draws, in order.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lessons?: BriefLessonInput[];
}

/** Inputs of the brief mutations, validated declaratively (class-validator). */
import { BriefContributorInput, BriefFileInput, BriefIdentifierInput } from './brief-publication-parts.inputs';
import { ArrayMaxSize, IsInt, IsOptional, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsNotBlank, IsPartialDate, IsSlug, IsWebAddress } from '../mutation/validation';
import { BriefLessonInput } from '../lesson/lesson.mutation-inputs';
import { BriefKind, BriefStatus } from './brief.entity';
import { maximumRelatedRecords, maximumRelationChanges } from '../shared/list-limits';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
export class BriefUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: 'The title, as published.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(500)
  title?: string;

  @Field(() => [String], { nullable: true, description: 'Other forms of the title that sources show; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsNotBlank({ each: true })
  @MaxLength(500, { each: true })
  alternateTitles?: string[];

  @Field(() => BriefKind, { nullable: true, description: 'What sort of publication it is.' })
  kind?: BriefKind;

  @Field(() => String, { nullable: true, description: 'When it was published, as precisely as known: "2019", "2019-05" or "2019-05-01".' })
  @IsOptional()
  @IsPartialDate()
  published?: string | null;

  @Field(() => String, { nullable: true, description: "A short summary, in Briefgraph's own words." })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(10_000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Web address of the brief.' })
  @IsOptional()
  @IsWebAddress()
  url?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'A free-text byline, as older records have; replaces the list. The deprecated `Brief.authors` shows it only while `contributors` names no author: prefer `contributors`.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsNotBlank({ each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @Field(() => String, { nullable: true, description: 'What editors know about gaps or uncertainty in the sources.' })
  @IsOptional()
  @MaxLength(10_000)
  editorialNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many lessons the report itself says it draws, where a source says so.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  declaredLessonCount?: number | null;

  @Field(() => ID, { nullable: true, description: 'The organization that published it.' })
  publisherId?: string;

  @Field(() => ID, { nullable: true, description: 'The meeting it follows up.' })
  followsUpMeetingId?: string | null;

  @Field(() => [BriefContributorInput], { nullable: true, description: 'The byline in order (people or organizations, each once); replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  contributors?: BriefContributorInput[];

  @Field(() => [BriefFileInput], { nullable: true, description: "The brief's own documents and pages in order; replaces the list." })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  files?: BriefFileInput[];

  @Field(() => [BriefIdentifierInput], {
    nullable: true,
    description: 'Persistent identifiers, each checked for its scheme and unique per scheme; replaces the list.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  identifiers?: BriefIdentifierInput[];
}

@InputType({ description: 'A new brief, with its lessons. It starts as a draft unless `status` says otherwise.' })
export class BriefCreateInput extends BriefUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field({ description: 'The title, as published.' })
  override title!: string;

  @Field(() => BriefKind, { description: 'What sort of publication it is.' })
  override kind!: BriefKind;

  @Field({ description: "A short summary, in Briefgraph's own words." })
  override summary!: string;

  @Field(() => ID, { description: 'The organization that published it.' })
  override publisherId!: string;

  @Field(() => BriefStatus, { nullable: true, description: 'DRAFT (the default) or PUBLISHED.' })
  status?: BriefStatus;

  @Field(() => [ID], { nullable: true, description: 'Themes of the brief.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Districts the brief studies.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'District networks the brief studies.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  networkIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Earlier briefs this one builds on.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelationChanges)
  buildsOnIds?: string[];

  @Field(() => [BriefLessonInput], { nullable: true, description: 'The lessons the brief draws, in order.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lessons?: BriefLessonInput[];
}

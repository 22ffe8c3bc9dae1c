/** Inputs of the brief mutations: the declared fields (brief.fields.ts), the publication date and the brief's parts, validated declaratively (class-validator). */
import { BriefContributorInput, BriefFileInput, BriefIdentifierInput } from './brief-publication-parts.inputs';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsPartialDate } from '../mutation/validation';
import { BriefLessonInput } from '../lesson/lesson.mutation-inputs';
import { BriefStatus } from './brief.entity';
import { briefFields } from './brief.fields';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { maximumRelatedRecords, maximumRelationChanges } from '../shared/list-limits';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
@UpdateInputFields(briefFields)
export class BriefUpdateInput extends updateInputBase(briefFields) {
  // A partial date: stored as a date and its precision (brief.writer.ts).
  @Field(() => String, { nullable: true, description: 'When it was published, as precisely as known: "2019", "2019-05" or "2019-05-01".' })
  @IsOptional()
  @IsPartialDate()
  published?: string | null;

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
@CreateInputFields(briefFields)
export class BriefCreateInput extends createInputBase(BriefUpdateInput, briefFields) {
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

/** Inputs of the meeting mutations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsOptional, IsPositive, Max, MaxLength, ValidateNested, Min, IsInt } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate, IsNotBlank, IsOnOrAfter, IsStateCode, IsWebAddress } from '../mutation/validation';
import { MeetingMaterialKind } from './meeting-material.entity';
import { maximumMeetingParts, maximumRelatedRecords } from '../shared/list-limits';

@InputType({ description: 'A document handed out at or for a meeting.' })
export class MeetingMaterialInput {
  @Field(() => MeetingMaterialKind, { description: 'The role the document plays for the meeting.' })
  kind!: MeetingMaterialKind;

  @Field({ description: "The document's title." })
  @IsNotBlank()
  @MaxLength(500)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Such as PDF or PPTX.' })
  @IsOptional()
  @MaxLength(20)
  fileFormat?: string | null;

  @Field(() => Float, { nullable: true, description: 'File size in kilobytes, as published.' })
  @IsOptional()
  @IsPositive()
  @Max(100_000_000)
  sizeInKilobytes?: number | null;

  @Field(() => String, { nullable: true, description: 'Web address of the document.' })
  @IsOptional()
  @IsWebAddress()
  url?: string | null;

  @Field(() => [String], { nullable: true, description: "What the material contains, in order (a briefing book's sections); replaces the list." })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsNotBlank({ each: true })
  @MaxLength(500, { each: true })
  contents?: string[];
}

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field. `agenda` and `materials` replace the lists.' })
export class MeetingUpdateInput {
  @Field(() => Int, { nullable: true, description: "The meeting's number in its series; unique." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  number?: number;

  @Field(() => String, { nullable: true, description: "The meeting's title, where it has one." })
  @IsOptional()
  @MaxLength(500)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; on or after the first.' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startsOn')
  endsOn?: string;

  @Field(() => String, { nullable: true, description: 'The city where it was held.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(200)
  city?: string;

  @Field(() => String, { nullable: true, description: 'Two-letter US state code, such as CA.' })
  @IsOptional()
  @IsStateCode()
  state?: string;

  @Field(() => ID, { nullable: true, description: 'The organization that convened it.' })
  convenerId?: string;

  @Field(() => String, { nullable: true, description: 'What the meeting was for, in a few sentences.' })
  @IsOptional()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What editors know about gaps or uncertainty in the sources.' })
  @IsOptional()
  @MaxLength(10_000)
  editorialNote?: string | null;

  @Field(() => [String], { nullable: true, description: 'Agenda topics in order; replaces the agenda.' })
  @IsOptional()
  @ArrayMaxSize(maximumMeetingParts)
  @IsNotBlank({ each: true })
  @MaxLength(500, { each: true })
  agenda?: string[];

  @Field(() => [MeetingMaterialInput], { nullable: true, description: 'Materials in order; replaces the materials.' })
  @IsOptional()
  @ArrayMaxSize(maximumMeetingParts)
  @ValidateNested({ each: true })
  materials?: MeetingMaterialInput[];
}

@InputType({ description: 'A new meeting, with its agenda and materials.' })
export class MeetingCreateInput extends MeetingUpdateInput {
  @Field(() => Int, { description: "The meeting's number in its series; unique." })
  override number!: number;

  @Field({ description: 'First day, YYYY-MM-DD.' })
  override startsOn!: string;

  @Field({ description: 'Last day, YYYY-MM-DD; on or after the first.' })
  override endsOn!: string;

  @Field({ description: 'The city where it was held.' })
  override city!: string;

  @Field({ description: 'Two-letter US state code, such as CA.' })
  override state!: string;

  @Field(() => ID, { description: 'The organization that convened it.' })
  override convenerId!: string;

  @Field(() => [ID], { nullable: true, description: 'Themes of the meeting.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Districts the meeting was about.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];
}

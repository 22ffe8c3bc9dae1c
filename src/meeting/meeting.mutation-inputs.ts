/** Inputs of the meeting mutations: the declared fields (meeting.fields.ts), the agenda and the materials, validated declaratively (class-validator). */
import { ArrayMaxSize, IsOptional, IsPositive, Max, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsNotBlank, IsWebAddress } from '../mutation/validation';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { meetingFields } from './meeting.fields';
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
@UpdateInputFields(meetingFields)
export class MeetingUpdateInput extends updateInputBase(meetingFields) {
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
@CreateInputFields(meetingFields)
export class MeetingCreateInput extends createInputBase(MeetingUpdateInput, meetingFields) {
  @Field(() => [ID], { nullable: true, description: 'Themes of the meeting.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Districts the meeting was about.' })
  @IsOptional()
  @ArrayMaxSize(maximumRelatedRecords)
  districtIds?: string[];
}

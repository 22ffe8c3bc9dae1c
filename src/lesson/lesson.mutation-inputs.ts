/** Inputs of the lesson and lesson link mutations: the declared fields (lesson.fields.ts, lesson-link.fields.ts) and the related records. */
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { maximumRelatedRecords } from '../shared/list-limits';
import {
  createInputBase,
  CreateInputFields,
  createOnlyInputBase,
  CreateOnlyInputFields,
  updateInputBase,
  UpdateInputFields,
} from '../shared/record-fields/input-fields';
import { lessonLinkFields } from './lesson-link.fields';
import { lessonFields } from './lesson.fields';

@InputType({ description: 'Fields to change; those left out stay as they are.' })
@UpdateInputFields(lessonFields)
export class LessonUpdateInput extends updateInputBase(lessonFields) {}

@InputType({ description: 'The lesson fields a brief is created with.' })
@CreateInputFields(lessonFields)
export class BriefLessonInput extends createInputBase(LessonUpdateInput, lessonFields) {
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

@InputType({ description: 'A typed link from a lesson to a lesson of another brief.' })
@CreateOnlyInputFields(lessonLinkFields)
export class LessonLinkCreateInput extends createOnlyInputBase(lessonLinkFields) {
  @Field(() => ID, { description: 'The lesson the link starts from.' })
  fromLessonId!: string;

  @Field(() => ID, { description: 'The lesson it points to; of another brief.' })
  toLessonId!: string;
}

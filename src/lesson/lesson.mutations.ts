/** Lesson and lesson link mutations. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { changeRelation, deleteRecord, updateRecord } from '../mutation/record-mutations';
import { LessonLink } from './lesson-link.entity';
import { Lesson } from './lesson.entity';
import { LessonCreateInput, LessonLinkCreateInput, LessonUpdateInput } from './lesson.mutation-inputs';
import { createLesson, createLessonLink, deleteLesson, lessonLinkSpec, lessonSpec } from './lesson.writer';

const LessonCreatePayload = recordPayload('LessonCreatePayload', 'lesson', Lesson);
const LessonUpdatePayload = recordPayload('LessonUpdatePayload', 'lesson', Lesson);
const LessonDeletePayload = deletePayload('LessonDeletePayload', 'Lesson');
const LessonThemesPayload = recordPayload('LessonThemesPayload', 'lesson', Lesson);
const LessonDistrictsPayload = recordPayload('LessonDistrictsPayload', 'lesson', Lesson);
const LessonLinkCreatePayload = recordPayload('LessonLinkCreatePayload', 'lessonLink', LessonLink);
const LessonLinkDeletePayload = deletePayload('LessonLinkDeletePayload', 'LessonLink');

@Resolver()
export class LessonMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonCreatePayload, { description: 'Adds a lesson at the end of a brief.' })
  lessonCreate(
    @Arg('input', () => LessonCreateInput, { description: 'The new lesson: its fields and references.' }) input: LessonCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createLesson(transaction, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonUpdatePayload, { description: 'Changes the fields given in `input`.' })
  lessonUpdate(
    @Arg('id', () => ID, { description: 'The ID of the lesson to change.' }) id: string,
    @Arg('input', () => LessonUpdateInput, { description: 'The fields to change, and only those.' }) input: LessonUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) => updateRecord(transaction, lessonSpec, id, input, expectedVersion));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => LessonDeletePayload, { description: 'Deletes a lesson and its links; the lessons after it move up one position.' })
  lessonDelete(
    @Arg('id', () => ID, { description: 'The ID of the lesson to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteLesson(transaction, id, expectedVersion));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonThemesPayload, { description: 'Adds themes to a lesson.' })
  lessonAddThemes(
    @Arg('id', () => ID, { description: 'The ID of the lesson to add the themes to.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to add.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, lessonSpec, 'themeIds', 'add', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonThemesPayload, { description: 'Removes themes from a lesson.' })
  lessonRemoveThemes(
    @Arg('id', () => ID, { description: 'The ID of the lesson to remove the themes from.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to remove.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, lessonSpec, 'themeIds', 'remove', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonDistrictsPayload, { description: 'Adds districts a lesson is about.' })
  lessonAddDistricts(
    @Arg('id', () => ID, { description: 'The ID of the lesson to add the districts to.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to add.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) => changeRelation(transaction, lessonSpec, 'districtIds', 'add', id, districtIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonDistrictsPayload, { description: 'Removes districts from a lesson.' })
  lessonRemoveDistricts(
    @Arg('id', () => ID, { description: 'The ID of the lesson to remove the districts from.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to remove.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) =>
      changeRelation(transaction, lessonSpec, 'districtIds', 'remove', id, districtIds),
    );
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => LessonLinkCreatePayload, { description: 'Links a lesson to a lesson of another brief, with a kind and a rationale.' })
  lessonLinkCreate(
    @Arg('input', () => LessonLinkCreateInput, { description: 'The new lesson link: its fields and references.' }) input: LessonLinkCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createLessonLink(transaction, input));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => LessonLinkDeletePayload, { description: 'Deletes a lesson link.' })
  lessonLinkDelete(
    @Arg('id', () => ID, { description: 'The ID of the lesson link to delete.' }) id: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id }, (transaction) => deleteRecord(transaction, lessonLinkSpec, id, undefined));
  }
}

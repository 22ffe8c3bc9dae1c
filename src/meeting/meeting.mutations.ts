/** Meeting mutations: create and update (with agenda and materials), delete, themes and districts. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { changeRelation, deleteRecord } from '../mutation/record-mutations';
import { Meeting } from './meeting.entity';
import { MeetingCreateInput, MeetingUpdateInput } from './meeting.mutation-inputs';
import { createMeeting, meetingSpec, updateMeeting } from './meeting.writer';

const MeetingCreatePayload = recordPayload('MeetingCreatePayload', 'meeting', Meeting);
const MeetingUpdatePayload = recordPayload('MeetingUpdatePayload', 'meeting', Meeting);
const MeetingDeletePayload = deletePayload('MeetingDeletePayload', 'Meeting');
const MeetingThemesPayload = recordPayload('MeetingThemesPayload', 'meeting', Meeting);
const MeetingDistrictsPayload = recordPayload('MeetingDistrictsPayload', 'meeting', Meeting);

@Resolver()
export class MeetingMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingCreatePayload, { description: 'Creates a meeting with its agenda and materials.' })
  meetingCreate(
    @Arg('input', () => MeetingCreateInput, { description: 'The new meeting: its fields and references.' }) input: MeetingCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createMeeting(transaction, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingUpdatePayload, { description: 'Changes the fields given in `input`.' })
  meetingUpdate(
    @Arg('id', () => ID, { description: 'The ID of the meeting to change.' }) id: string,
    @Arg('input', () => MeetingUpdateInput, { description: 'The fields to change, and only those.' }) input: MeetingUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) => updateMeeting(transaction, id, input, expectedVersion));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => MeetingDeletePayload, { description: 'Deletes a meeting, with its agenda and materials, that no brief follows up.' })
  meetingDelete(
    @Arg('id', () => ID, { description: 'The ID of the meeting to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, meetingSpec, id, expectedVersion));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingThemesPayload, { description: 'Adds themes to a meeting.' })
  meetingAddThemes(
    @Arg('id', () => ID, { description: 'The ID of the meeting to add the themes to.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to add.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, meetingSpec, 'themeIds', 'add', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingThemesPayload, { description: 'Removes themes from a meeting.' })
  meetingRemoveThemes(
    @Arg('id', () => ID, { description: 'The ID of the meeting to remove the themes from.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to remove.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, meetingSpec, 'themeIds', 'remove', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingDistrictsPayload, { description: 'Adds districts a meeting was about.' })
  meetingAddDistricts(
    @Arg('id', () => ID, { description: 'The ID of the meeting to add the districts to.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to add.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) => changeRelation(transaction, meetingSpec, 'districtIds', 'add', id, districtIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => MeetingDistrictsPayload, { description: 'Removes districts from a meeting.' })
  meetingRemoveDistricts(
    @Arg('id', () => ID, { description: 'The ID of the meeting to remove the districts from.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to remove.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) =>
      changeRelation(transaction, meetingSpec, 'districtIds', 'remove', id, districtIds),
    );
  }
}

/** Brief mutations: create (with lessons), update, delete, publish, unpublish, themes and districts. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { changeRelation, deleteRecord } from '../mutation/record-mutations';
import { Brief, BriefStatus } from './brief.entity';
import { BriefCreateInput, BriefUpdateInput } from './brief.mutation-inputs';
import { briefSpec, createBrief, setBriefStatus, updateBrief } from './brief.writer';

const BriefCreatePayload = recordPayload('BriefCreatePayload', 'brief', Brief);
const BriefUpdatePayload = recordPayload('BriefUpdatePayload', 'brief', Brief);
const BriefDeletePayload = deletePayload('BriefDeletePayload', 'Brief');
const BriefPublishPayload = recordPayload('BriefPublishPayload', 'brief', Brief);
const BriefUnpublishPayload = recordPayload('BriefUnpublishPayload', 'brief', Brief);
const BriefThemesPayload = recordPayload('BriefThemesPayload', 'brief', Brief);
const BriefDistrictsPayload = recordPayload('BriefDistrictsPayload', 'brief', Brief);

@Resolver()
export class BriefMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefCreatePayload, { description: 'Creates a brief with its lessons; a draft unless `status` is PUBLISHED.' })
  briefCreate(
    @Arg('input', () => BriefCreateInput, { description: 'The new brief: its fields and references.' }) input: BriefCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createBrief(transaction, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefUpdatePayload, { description: 'Changes the fields given in `input`.' })
  briefUpdate(
    @Arg('id', () => ID, { description: 'The ID of the brief to change.' }) id: string,
    @Arg('input', () => BriefUpdateInput, { description: 'The fields to change, and only those.' }) input: BriefUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) => updateBrief(transaction, id, input, expectedVersion));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => BriefDeletePayload, { description: 'Deletes a brief with its lessons and their links.' })
  briefDelete(
    @Arg('id', () => ID, { description: 'The ID of the brief to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, briefSpec, id, expectedVersion));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefPublishPayload, { description: 'Makes a draft visible to everyone.' })
  briefPublish(
    @Arg('id', () => ID, { description: 'The ID of the brief to publish.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, expectedVersion }, (transaction) => setBriefStatus(transaction, id, BriefStatus.PUBLISHED, expectedVersion));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefUnpublishPayload, { description: 'Makes a brief a draft again: hidden, with its lessons and links, from readers without a key.' })
  briefUnpublish(
    @Arg('id', () => ID, { description: 'The ID of the brief to make a draft again.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, expectedVersion }, (transaction) => setBriefStatus(transaction, id, BriefStatus.DRAFT, expectedVersion));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefThemesPayload, { description: 'Adds themes to a brief; themes it already has are left as they are.' })
  briefAddThemes(
    @Arg('id', () => ID, { description: 'The ID of the brief to add the themes to.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to add.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, briefSpec, 'themeIds', 'add', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefThemesPayload, { description: 'Removes themes from a brief.' })
  briefRemoveThemes(
    @Arg('id', () => ID, { description: 'The ID of the brief to remove the themes from.' }) id: string,
    @Arg('themeIds', () => [ID], { description: 'IDs of the themes to remove.' }) themeIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, themeIds }, (transaction) => changeRelation(transaction, briefSpec, 'themeIds', 'remove', id, themeIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefDistrictsPayload, { description: 'Adds districts a brief studies.' })
  briefAddDistricts(
    @Arg('id', () => ID, { description: 'The ID of the brief to add the districts to.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to add.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) => changeRelation(transaction, briefSpec, 'districtIds', 'add', id, districtIds));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => BriefDistrictsPayload, { description: 'Removes districts from a brief.' })
  briefRemoveDistricts(
    @Arg('id', () => ID, { description: 'The ID of the brief to remove the districts from.' }) id: string,
    @Arg('districtIds', () => [ID], { description: 'IDs of the districts to remove.' }) districtIds: string[],
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, districtIds }, (transaction) =>
      changeRelation(transaction, briefSpec, 'districtIds', 'remove', id, districtIds),
    );
  }
}

/** District mutations: create, update, delete. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { createRecord, deleteRecord, updateRecord } from '../mutation/record-mutations';
import { District } from './district.entity';
import { DistrictCreateInput, DistrictUpdateInput } from './district.mutation-inputs';
import { districtSpec } from './district.writer';

const DistrictCreatePayload = recordPayload('DistrictCreatePayload', 'district', District);
const DistrictUpdatePayload = recordPayload('DistrictUpdatePayload', 'district', District);
const DistrictDeletePayload = deletePayload('DistrictDeletePayload', 'District');

@Resolver()
export class DistrictMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => DistrictCreatePayload, { description: 'Creates a district.' })
  districtCreate(
    @Arg('input', () => DistrictCreateInput, { description: 'The new district: its fields and references.' }) input: DistrictCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createRecord(transaction, districtSpec, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => DistrictUpdatePayload, { description: 'Changes the fields given in `input`.' })
  districtUpdate(
    @Arg('id', () => ID, { description: 'The ID of the district to change.' }) id: string,
    @Arg('input', () => DistrictUpdateInput, { description: 'The fields to change, and only those.' }) input: DistrictUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) => updateRecord(transaction, districtSpec, id, input, expectedVersion));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => DistrictDeletePayload, { description: 'Deletes a district that no brief, lesson, meeting or network refers to any more.' })
  districtDelete(
    @Arg('id', () => ID, { description: 'The ID of the district to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, districtSpec, id, expectedVersion));
  }
}

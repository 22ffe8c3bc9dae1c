/** Organization mutations: create, update, delete. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { createRecord, deleteRecord, updateRecord } from '../mutation/record-mutations';
import { Organization } from './organization.entity';
import { OrganizationCreateInput, OrganizationUpdateInput } from './organization.mutation-inputs';
import { housingCycleErrors, organizationSpec } from './organization.writer';

const OrganizationCreatePayload = recordPayload('OrganizationCreatePayload', 'organization', Organization);
const OrganizationUpdatePayload = recordPayload('OrganizationUpdatePayload', 'organization', Organization);
const OrganizationDeletePayload = deletePayload('OrganizationDeletePayload', 'Organization');

@Resolver()
export class OrganizationMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => OrganizationCreatePayload, { description: 'Creates a organization.' })
  organizationCreate(
    @Arg('input', () => OrganizationCreateInput, { description: 'The new organization: its fields and references.' }) input: OrganizationCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createRecord(transaction, organizationSpec, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => OrganizationUpdatePayload, { description: 'Changes the fields given in `input`.' })
  organizationUpdate(
    @Arg('id', () => ID, { description: 'The ID of the organization to change.' }) id: string,
    @Arg('input', () => OrganizationUpdateInput, { description: 'The fields to change, and only those.' }) input: OrganizationUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) =>
      updateRecord(transaction, organizationSpec, id, input, expectedVersion, { check: housingCycleErrors }),
    );
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => OrganizationDeletePayload, { description: 'Deletes an organization that nothing refers to any more.' })
  organizationDelete(
    @Arg('id', () => ID, { description: 'The ID of the organization to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, organizationSpec, id, expectedVersion));
  }
}

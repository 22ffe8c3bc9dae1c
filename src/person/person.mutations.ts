/** Person mutations: create, update, delete. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { deleteRecord } from '../mutation/record-mutations';
import { Person } from './person.entity';
import { PersonCreateInput, PersonUpdateInput } from './person.mutation-inputs';
import { createPerson, personSpec, updatePerson } from './person.writer';

const PersonCreatePayload = recordPayload('PersonCreatePayload', 'person', Person);
const PersonUpdatePayload = recordPayload('PersonUpdatePayload', 'person', Person);
const PersonDeletePayload = deletePayload('PersonDeletePayload', 'Person');

@Resolver()
export class PersonMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => PersonCreatePayload, { description: 'Creates a person, with their affiliations.' })
  personCreate(
    @Arg('input', () => PersonCreateInput, { description: 'The person to create.' }) input: PersonCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createPerson(transaction, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => PersonUpdatePayload, { description: 'Changes the fields given in `input`.' })
  personUpdate(
    @Arg('id', () => ID, { description: 'The person to change.' }) id: string,
    @Arg('input', () => PersonUpdateInput, { description: 'The fields to change; fields left out stay as they are.' }) input: PersonUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) => updatePerson(transaction, id, input, expectedVersion));
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => PersonDeletePayload, { description: 'Deletes a person no byline names any more.' })
  personDelete(
    @Arg('id', () => ID, { description: 'The person to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, personSpec, id, expectedVersion));
  }
}

/** Theme mutations: create, update, delete. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { deleteMutation, deletePayload, recordMutation, recordPayload } from '../mutation/payload';
import { ExpectedVersionArg } from '../mutation/expected-version-arg';
import { createRecord, deleteRecord, updateRecord } from '../mutation/record-mutations';
import { Theme } from './theme.entity';
import { ThemeCreateInput, ThemeUpdateInput } from './theme.mutation-inputs';
import { themeCycleErrors, themeSpec } from './theme.writer';

const ThemeCreatePayload = recordPayload('ThemeCreatePayload', 'theme', Theme);
const ThemeUpdatePayload = recordPayload('ThemeUpdatePayload', 'theme', Theme);
const ThemeDeletePayload = deletePayload('ThemeDeletePayload', 'Theme');

@Resolver()
export class ThemeMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => ThemeCreatePayload, { description: 'Creates a theme.' })
  themeCreate(
    @Arg('input', () => ThemeCreateInput, { description: 'The new theme: its fields and references.' }) input: ThemeCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { input }, (transaction) => createRecord(transaction, themeSpec, input));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => ThemeUpdatePayload, { description: 'Changes the fields given in `input`.' })
  themeUpdate(
    @Arg('id', () => ID, { description: 'The ID of the theme to change.' }) id: string,
    @Arg('input', () => ThemeUpdateInput, { description: 'The fields to change, and only those.' }) input: ThemeUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input, expectedVersion }, (transaction) =>
      updateRecord(transaction, themeSpec, id, input, expectedVersion, { check: themeCycleErrors }),
    );
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => ThemeDeletePayload, { description: 'Deletes a theme that no brief, lesson, meeting or sub-theme uses any more.' })
  themeDelete(
    @Arg('id', () => ID, { description: 'The ID of the theme to delete.' }) id: string,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return deleteMutation(context, info, { id, expectedVersion }, (transaction) => deleteRecord(transaction, themeSpec, id, expectedVersion));
  }
}

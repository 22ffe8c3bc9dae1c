/** Managing API keys through the API (admins only); `npm run keys` does the same from a shell. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Directive, Field, ID, Info, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import type { RequestContext } from '../context';
import { mutationCall, runMutation } from '../mutation/mutation-runner';
import { recordMutation, recordPayload, toRecordPayload } from '../mutation/payload';
import { lockRecord, type RecordTypeSpec } from '../mutation/record-writer';
import { UserError, userError, UserErrorCode } from '../mutation/user-error';
import { validateInput } from '../mutation/validation';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import { ApiKeyCreateInput } from './api-key.mutation-inputs';
import { createApiKey, isApiKeyNameTaken, revokeApiKey } from './api-key.service';
import { readRootField } from '../read/resolvers';

const apiKeySpec: RecordTypeSpec = { typeName: 'ApiKey', table: 'api_key', columns: {} };

@ObjectType({ description: 'The new key, with its secret: shown this once and never again.' })
class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key; null when nothing was written.' })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret to send as "Authorization: Bearer <secret>". Only in this answer (a retry with the same Idempotency-Key answers null).',
  })
  secret!: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty when the mutation succeeded.' })
  userErrors!: UserError[];
}

const ApiKeyRevokePayload = recordPayload('ApiKeyRevokePayload', 'apiKey', ApiKey);

@Resolver()
export class ApiKeyResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Directive(neverCache)
  @Query(() => [ApiKey], { description: 'Every API key, by name, revoked ones included. Admins only.' })
  apiKeys(@Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => ApiKeyCreatePayload, { description: 'Creates an API key; the answer holds its secret, which is not stored.' })
  async apiKeyCreate(
    @Arg('input', () => ApiKeyCreateInput, { description: "The new key's name and role." }) input: ApiKeyCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApiKeyCreatePayload> {
    const result = await runMutation(context, mutationCall(info, { input }), async (transaction) => {
      const invalid = await validateInput(input);
      if (invalid.length > 0) return { record: null, userErrors: invalid };
      if (await isApiKeyNameTaken(transaction.manager, input.name)) {
        return {
          record: null,
          userErrors: [userError(['input', 'name'], `Another API key is already named ${JSON.stringify(input.name)}`, UserErrorCode.TAKEN)],
        };
      }
      const { apiKey, secret } = await createApiKey(transaction.manager, input.name, input.role);
      transaction.recordChange({ recordType: 'ApiKey', recordKey: apiKey.key, before: null, after: await transaction.snapshot('api_key', apiKey.key) });
      return { record: { typeName: 'ApiKey', key: apiKey.key }, userErrors: [], transient: { secret } };
    });
    const payload = await toRecordPayload<ApiKey>(context, result);
    return { apiKey: payload.record, secret: (result.transient?.secret as string | undefined) ?? null, userErrors: payload.userErrors };
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => ApiKeyRevokePayload, { description: 'Revokes an API key at once; revoking a revoked key changes nothing.' })
  apiKeyRevoke(
    @Arg('id', () => ID, { description: 'The ID of the API key to revoke.' }) id: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id }, async (transaction) => {
      const key = await lockRecord(transaction.manager, apiKeySpec, id, undefined, ['id']);
      if (typeof key !== 'number') return { record: null, userErrors: [key] };
      const before = await transaction.snapshot('api_key', key);
      const apiKey = await revokeApiKey(transaction.manager, (await transaction.manager.getRepository(ApiKey).findOneBy({ key }))!);
      if (before?.revoked_at === null)
        transaction.recordChange({ recordType: 'ApiKey', recordKey: key, before, after: await transaction.snapshot('api_key', key) });
      return { record: { typeName: 'ApiKey', key: apiKey.key }, userErrors: [] };
    });
  }
}

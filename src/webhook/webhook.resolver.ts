/** Managing webhooks (admins only): register, change, remove, list them and read their delivery log. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Directive, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import { neverCache } from '../caching/cache-control';
import { ChangeKind, ChangeRecordType } from '../change/record-change.types';
import type { RequestContext } from '../context';
import { mutationCall, runMutation } from '../mutation/mutation-runner';
import { deleteMutation, deletePayload, recordMutation, recordPayload, toRecordPayload } from '../mutation/payload';
import { globalIdOf, resolveReference } from '../mutation/record-writer';
import type { WriteTransaction } from '../mutation/write-transaction';
import { UserError, userError, UserErrorCode } from '../mutation/user-error';
import { validateInput } from '../mutation/validation';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { targetProblem } from './target-address';
import { Webhook } from './webhook.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookCreateInput, WebhookDeliveryListArguments, WebhookUpdateInput } from './webhook.inputs';
import { newWebhookSecret } from './webhook-message';
import { insertWebhook, storedKinds, storedRecordTypes, webhookDeliveryListing } from './webhook.service';

/** Locks the webhook for the rest of the transaction; its key, or NOT_FOUND. */
async function lockWebhook(transaction: WriteTransaction, id: string): Promise<number | UserError> {
  const key = await resolveReference(transaction.manager, 'Webhook', id, ['id']);
  if (typeof key !== 'number') return key;
  const rows = (await transaction.manager.query(`SELECT id FROM public.webhook WHERE id = $1 FOR UPDATE`, [key])) as unknown[];
  return rows.length > 0 ? key : userError(['id'], `No Webhook has the ID ${id}`, UserErrorCode.NOT_FOUND);
}

@ObjectType({ description: 'The new webhook, with its signing secret: shown this once and never again.' })
class WebhookCreatePayload {
  @Field(() => Webhook, { nullable: true, description: 'The webhook registered; null when nothing was written.' })
  webhook!: Webhook | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The Standard Webhooks secret ("whsec_…") to verify signatures with. Only in this answer (a retry with the same Idempotency-Key answers null).',
  })
  secret!: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty when the mutation succeeded.' })
  userErrors!: UserError[];
}

const WebhookUpdatePayload = recordPayload('WebhookUpdatePayload', 'webhook', Webhook);
const WebhookDeletePayload = deletePayload('WebhookDeletePayload', 'Webhook');

async function urlErrors(context: RequestContext, url: string | null | undefined, path: string[]): Promise<UserError[]> {
  if (url === undefined || url === null) return [];
  const problem = await targetProblem(url, context.allowPrivateWebhookTargets);
  return problem ? [userError(path, `url ${problem}`)] : [];
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Directive(neverCache)
  @Query(() => [Webhook], { description: 'Every webhook, oldest first. Admins only.' })
  webhooks(@Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Directive(neverCache)
  @Query(() => webhookDeliveryListing.Connection, {
    description: 'The delivery log: every message for every webhook, with its attempts, newest first. Admins only.',
  })
  webhookDeliveries(@Args() _args: WebhookDeliveryListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @FieldResolver(() => [ChangeKind], { nullable: true, description: 'The kinds of change delivered; null for every kind.' })
  kinds(@Root() webhook: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(webhook, info, context);
  }

  @FieldResolver(() => [ChangeRecordType], { nullable: true, description: 'The kinds of record whose changes are delivered; null for every kind.' })
  types(@Root() webhook: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(webhook, info, context);
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => WebhookCreatePayload, {
    description: 'Registers a webhook; the answer holds its signing secret. Changes are delivered from the next commit on.',
  })
  async webhookCreate(
    @Arg('input', () => WebhookCreateInput, { description: 'The endpoint and what it wants to hear of.' }) input: WebhookCreateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WebhookCreatePayload> {
    const result = await runMutation(context, mutationCall(info, { input }), async (transaction) => {
      const invalid = [...(await validateInput(input)), ...(await urlErrors(context, input.url, ['input', 'url']))];
      if (invalid.length > 0) return { record: null, userErrors: invalid };
      const secret = newWebhookSecret();
      const key = await insertWebhook(transaction.manager, {
        url: input.url,
        description: input.description ?? null,
        kinds: storedKinds(input.kinds),
        recordTypes: storedRecordTypes(input.types),
        secret,
      });
      transaction.recordChange({ recordType: 'Webhook', recordKey: key, before: null, after: await transaction.snapshot('webhook', key) });
      return { record: { typeName: 'Webhook', key }, userErrors: [], transient: { secret } };
    });
    const payload = toRecordPayload<Webhook>(context, result);
    return { webhook: payload.record, secret: (result.transient?.secret as string | undefined) ?? null, userErrors: payload.userErrors };
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => WebhookUpdatePayload, { description: 'Changes a webhook: its URL, what it is told of, or whether it is enabled.' })
  webhookUpdate(
    @Arg('id', () => ID, { description: 'The webhook to change.' }) id: string,
    @Arg('input', () => WebhookUpdateInput, { description: 'The fields to change; fields left out stay as they are.' }) input: WebhookUpdateInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordMutation(context, info, { id, input }, async (transaction) => {
      const key = await lockWebhook(transaction, id);
      if (typeof key !== 'number') return { record: null, userErrors: [key] };
      const invalid = [...(await validateInput(input)), ...(await urlErrors(context, input.url, ['input', 'url']))];
      if (input.url === null) invalid.push(userError(['input', 'url'], 'url cannot be null; leave it out to keep it'));
      if (input.enabled === null) invalid.push(userError(['input', 'enabled'], 'enabled cannot be null; leave it out to keep it'));
      if (invalid.length > 0) return { record: null, userErrors: invalid };
      const before = await transaction.snapshot('webhook', key);
      const assignments: string[] = [];
      const values: unknown[] = [key];
      const set = (column: string, value: unknown) => {
        values.push(value);
        assignments.push(`${column} = $${values.length}`);
      };
      if (input.url !== undefined) set('url', input.url);
      if (input.description !== undefined) set('description', input.description);
      if (input.kinds !== undefined) set('kinds', storedKinds(input.kinds));
      if (input.types !== undefined) set('record_types', storedRecordTypes(input.types));
      if (input.enabled !== undefined && input.enabled !== null) {
        set('enabled', input.enabled);
        if (input.enabled) assignments.push('consecutive_failures = 0', 'disabled_reason = NULL');
      }
      if (assignments.length > 0)
        await transaction.manager.query(`UPDATE public.webhook SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`, values);
      transaction.recordChange({ recordType: 'Webhook', recordKey: key, before, after: await transaction.snapshot('webhook', key) });
      return { record: { typeName: 'Webhook', key }, userErrors: [] };
    });
  }

  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => WebhookDeletePayload, { description: 'Removes a webhook and its delivery log; nothing more is sent to it.' })
  webhookDelete(@Arg('id', () => ID, { description: 'The webhook to delete.' }) id: string, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return deleteMutation(context, info, { id }, async (transaction) => {
      const key = await lockWebhook(transaction, id);
      if (typeof key !== 'number') return { record: null, userErrors: [key] };
      const before = await transaction.snapshot('webhook', key);
      await transaction.manager.query(`DELETE FROM public.webhook WHERE id = $1`, [key]);
      transaction.recordChange({ recordType: 'Webhook', recordKey: key, before, after: null });
      return { record: null, deletedId: globalIdOf('Webhook', key), userErrors: [] };
    });
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Webhook, { description: 'The webhook the delivery is for.' })
  webhook(@Root() delivery: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(delivery, info, context);
  }
}

/** Inputs of the webhook mutations and of `webhookDeliveries`. */
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ChangeKind, ChangeRecordType } from '../change/record-change.types';
import { ConnectionArguments } from '../shared/pagination/connection-arguments';
import { WebhookDeliveryStatus } from './webhook-delivery.entity';

@InputType({ description: 'A new webhook.' })
export class WebhookCreateInput {
  @Field({ description: 'Where to POST deliveries: an http or https URL on a public address.' })
  @MaxLength(2000)
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, for people.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only these kinds of change; every kind when left out.' })
  kinds?: ChangeKind[] | null;

  @Field(() => [ChangeRecordType], { nullable: true, description: 'Only changes to these kinds of record; every kind when left out.' })
  types?: ChangeRecordType[] | null;
}

@InputType({ description: 'Changes to a webhook; fields left out stay as they are (null for kinds or types means every one).' })
export class WebhookUpdateInput {
  @Field(() => String, { nullable: true, description: 'Where to POST deliveries: an http or https URL on a public address.' })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, for people.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only these kinds of change; null for every kind.' })
  kinds?: ChangeKind[] | null;

  @Field(() => [ChangeRecordType], { nullable: true, description: 'Only changes to these kinds of record; null for every kind.' })
  types?: ChangeRecordType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Turns deliveries on or off; turning on again clears the failure count and reason, and pending deliveries resume.',
  })
  enabled?: boolean | null;
}

export enum WebhookDeliveryOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(WebhookDeliveryOrder, {
  name: 'WebhookDeliveryOrder',
  description: 'The order of deliveries, by when they were written to the outbox.',
  valuesConfig: { NEWEST_FIRST: { description: 'Most recent first.' }, OLDEST_FIRST: { description: 'Oldest first.' } },
});

@InputType({ description: 'Narrows the delivery log.' })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: 'Only deliveries to this webhook.' })
  webhook?: string | null;

  @Field(() => [WebhookDeliveryStatus], { nullable: true, description: 'Only deliveries in any of these states.' })
  statuses?: WebhookDeliveryStatus[] | null;
}

@ArgsType()
export class WebhookDeliveryListArguments extends ConnectionArguments {
  @Field(() => WebhookDeliveryFilter, { nullable: true, description: 'Narrows the log.' })
  filter?: WebhookDeliveryFilter | null;

  @Field(() => WebhookDeliveryOrder, { defaultValue: WebhookDeliveryOrder.NEWEST_FIRST, description: 'The order of the log.' })
  orderBy!: WebhookDeliveryOrder;
}

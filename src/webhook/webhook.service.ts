/** Webhooks' stored form and the delivery log as a paginated list. */
import type { EntityManager } from 'typeorm';
import { anyOfIds, anyOfValues } from '../shared/filters';
import { defineListing } from '../shared/pagination/listing';
import type { ChangeKind, ChangeRecordType } from '../change/record-change.types';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryOrder, type WebhookDeliveryFilter } from './webhook.inputs';

const byKey = [{ sql: 'd.id', type: 'int' as const }];

export const webhookDeliveryListing = defineListing<WebhookDelivery, WebhookDeliveryFilter, WebhookDeliveryOrder>({
  nodeType: WebhookDelivery,
  rootName: 'webhookDeliveries',
  from: 'public.webhook_delivery d',
  key: 'd.id',
  orderings: {
    NEWEST_FIRST: { name: WebhookDeliveryOrder.NEWEST_FIRST, columns: byKey, descending: true },
    OLDEST_FIRST: { name: WebhookDeliveryOrder.OLDEST_FIRST, columns: byKey, descending: false },
  },
  conditions: (filter) => [
    ...anyOfIds(filter?.webhook ? [filter.webhook] : null, 'Webhook', 'filter.webhook', (_sql, keys) => `d.webhook_id = ANY(${keys})`),
    ...anyOfValues(filter?.statuses, 'd.status', 'webhook_delivery_status[]', 'filter.statuses'),
  ],
});

/** The stored form of the kinds and record types wanted (null: every one). */
export function storedKinds(kinds: ChangeKind[] | null | undefined): string[] | null {
  return kinds ? [...new Set(kinds)].sort() : null;
}

export function storedRecordTypes(types: ChangeRecordType[] | null | undefined): string[] | null {
  return types ? [...new Set(types.map((type) => type.toLowerCase()))].sort() : null;
}

export async function insertWebhook(
  manager: EntityManager,
  values: { url: string; description: string | null; kinds: string[] | null; recordTypes: string[] | null; secret: string },
): Promise<number> {
  const [row] = (await manager.query(`INSERT INTO public.webhook (url, description, kinds, record_types, secret) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    values.url,
    values.description,
    values.kinds,
    values.recordTypes,
    values.secret,
  ])) as Array<{ id: number }>;
  return row.id;
}

/** How webhooks and their deliveries are read (admins only), and the root lists `webhooks` and `webhookDeliveries`. */
import { computed, defineReads, toOne, expression } from '../read/record-reads';
import { adminOnly, defineRootReads, rootConnection, rootList } from '../read/root-reads';
import { Webhook } from './webhook.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { webhookDeliveryListing } from './webhook.service';

export const webhookReads = defineReads({
  typeName: 'Webhook',
  entity: Webhook,
  table: 'public.webhook',
  adminOnly: true,
  fields: {
    kinds: computed(['kinds'], (row) => row.kinds),
    types: computed(['record_types'], (row) => (row.record_types as string[] | null)?.map((type) => type.toUpperCase()) ?? null),
  },
});

export const webhookDeliveryReads = defineReads({
  typeName: 'WebhookDelivery',
  entity: WebhookDelivery,
  table: 'public.webhook_delivery',
  adminOnly: true,
  fields: {
    webhook: toOne(() => webhookReads, 'webhook_id'),
    deliveryStatus: expression((row) => `${row}.status`),
  },
});

defineRootReads({
  webhooks: adminOnly(
    rootList(
      () => webhookReads,
      (alias) => `${alias}.id`,
    ),
  ),
  webhookDeliveries: adminOnly(rootConnection(() => webhookDeliveryListing)),
});

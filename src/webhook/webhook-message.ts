/**
 * A delivery as it goes on the wire: the Standard Webhooks payload (`type`, `timestamp`,
 * `data`) and headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`), signed
 * with the `standardwebhooks` library. The body is the same on every attempt.
 */
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { randomBytes } from 'node:crypto';
import { fieldNameOfColumn } from '../change/change-feed.service';
import { typeNameOfTable } from '../change/record-change.types';
import { encodeGlobalId } from '../shared/global-id';

export interface DeliveryContent {
  messageId: string;
  eventType: string;
  recordTable: string;
  recordKey: number;
  kind: string;
  changedColumns: string[];
  occurredAt: Date;
}

/** A new signing secret in the specification's form: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function messageBody(content: DeliveryContent): string {
  return JSON.stringify({
    type: content.eventType,
    timestamp: content.occurredAt.toISOString(),
    data: {
      kind: content.kind,
      recordType: content.recordTable.toUpperCase(),
      recordId: encodeGlobalId(typeNameOfTable[content.recordTable], content.recordKey),
      changedFields: content.changedColumns.map(fieldNameOfColumn),
    },
  });
}

/** The headers of one attempt, signed at the time of sending (the timestamp is the attempt's). */
export function signedHeaders(secret: string, messageId: string, body: string, now = new Date()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Briefgraph-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new StandardWebhook(secret).sign(messageId, now, body),
  };
}

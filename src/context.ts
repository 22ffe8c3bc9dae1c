/**
 * What every resolver receives for one request: who is asking, the database as they
 * may see it, and that request's loaders.
 *
 * Requests without an API key read through `publishedDataSource`, whose connections
 * search the `published` schema first: drafts are not there (migration AddWrites).
 * Requests with a key read and write the tables themselves.
 */
import type { DataSource } from 'typeorm';
import { ApiKeyRole } from './auth/api-key.entity';
import type { Viewer } from './auth/viewer';
import type { TableChanges } from './caching/table-changes';
import { RequestReads } from './read/request-reads';
import { RequestLoaders } from './request-loaders';
import type { RecordChangeFollower } from './subscription/record-change-follower';
import { rateLimitClientKey } from './traffic/client-address';

export interface RequestContext {
  /** What this request reads: published content only, unless it carries an API key. */
  dataSource: DataSource;
  /** The full database, for mutations (which always have a viewer). */
  writer: DataSource;
  changes: TableChanges;
  viewer: Viewer | null;
  /** The read engine for this request: records and lists compiled into SQL (src/read/). */
  reads: RequestReads;
  /** The loaders outside the read engine (related records, theme timelines): request-loaders.ts. */
  loaders: RequestLoaders;
  /** The request's ID, recorded in the audit log. */
  requestId: string | null;
  /** The `Idempotency-Key` header, when the request sent one. */
  idempotencyKey: string | null;
  /** Whose rate-limit budget the request spends: its API key, else its address. */
  rateLimitClient: string;
  /** Whether webhooks may point to private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS). */
  allowPrivateWebhookTargets: boolean;
  /** For an operation over WebSocket: the changes its subscriptions follow, and how to close its connection. */
  liveChanges?: { follower: RecordChangeFollower; close(): void };
}

export interface DataSources {
  writer: DataSource;
  published: DataSource;
  /** Hears of committed writes; a mutation raises the counts of what it changed before it answers. */
  changes: TableChanges;
  allowPrivateWebhookTargets?: boolean;
}

export function createRequestContext(
  dataSources: DataSources,
  request: { viewer?: Viewer | null; requestId?: string | null; idempotencyKey?: string | null; rateLimitClient?: string; maximumAnswerBytes?: number } = {},
): RequestContext {
  const viewer = request.viewer ?? null;
  const dataSource = viewer ? dataSources.writer : dataSources.published;
  return {
    dataSource,
    writer: dataSources.writer,
    changes: dataSources.changes,
    viewer,
    reads: new RequestReads(dataSource, viewer?.role === ApiKeyRole.ADMIN, request.maximumAnswerBytes),
    loaders: new RequestLoaders(dataSource.manager),
    requestId: request.requestId ?? null,
    idempotencyKey: request.idempotencyKey ?? null,
    rateLimitClient: request.rateLimitClient ?? rateLimitClientKey(viewer, undefined),
    allowPrivateWebhookTargets: dataSources.allowPrivateWebhookTargets ?? false,
  };
}

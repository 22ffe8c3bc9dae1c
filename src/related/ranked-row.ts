/** A record ranked as related to another (`owner`), as the ranking statement of related.service.ts returns it. */
import type { RelationReasonKind } from './relation-reason';

export interface RankedRow {
  owner: number;
  key: number;
  score: number;
  similarity: number | null;
  reasons: Array<{ kind: RelationReasonKind; linkKind: string | null; ref: number | null; weight: number }>;
}

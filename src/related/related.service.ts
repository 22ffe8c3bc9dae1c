/**
 * Related lessons and related briefs, explainably: candidates come from explicit
 * links, builds-on and meeting ties, and shared themes, districts and networks;
 * each candidate's score is the sum of its reasons' weights plus the full-text rank
 * of its text against the words of the record asked about.
 *
 * Cost is bounded by the arguments, not the database: each shared theme, district or
 * network contributes at most its 200 most recent records as candidates, and every
 * parent in a batch is ranked by one statement (a LATERAL subquery per parent).
 *
 * The ranking is paged as a Relay connection: a cursor carries the score and key of its
 * record, so the next page starts after it in the same order (score, then key, both
 * descending), however deep, at the cost of the first page.
 */
import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import type { LessonLinkKind } from '../lesson/lesson-link.entity';
import type { LinkDirection } from '../lesson/lesson.inputs';
import { decodeCursor, encodeCursor, invalidCursorError } from '../shared/pagination/cursor';
import { PageInfo } from '../shared/pagination/connection';
import { batchOptions } from '../shared/record-loaders';
import { userInputError } from '../shared/user-input-error';
import { reasonWeights, RelationReason, RelationReasonKind } from './relation-reason';
import { RelatedBriefConnection, RelatedBriefEdge, RelatedLessonConnection, RelatedLessonEdge } from './related.types';

export const maximumRelated = 20;
const candidatesPerSharedRecord = 200;

interface RankedRow {
  owner: number;
  key: number;
  score: number;
  similarity: number | null;
  reasons: Array<{ kind: RelationReasonKind; linkKind: string | null; ref: number | null; weight: number }>;
}

/** Candidates that share a row of `joinTable` (a theme, say) with the record `p.owner`. */
function sharing(kind: RelationReasonKind, joinTable: string, recordColumn: string, sharedColumn: string): string {
  return `SELECT other.${recordColumn} AS key, '${kind}'::text AS kind, NULL::text AS link_kind, mine.${sharedColumn} AS ref, ${reasonWeights[kind as keyof typeof reasonWeights]}::float8 AS weight
    FROM ${joinTable} mine CROSS JOIN LATERAL (
      SELECT o.${recordColumn} FROM ${joinTable} o WHERE o.${sharedColumn} = mine.${sharedColumn} AND o.${recordColumn} <> p.owner
      ORDER BY o.${recordColumn} DESC LIMIT ${candidatesPerSharedRecord}) other
    WHERE mine.${recordColumn} = p.owner`;
}

/** Where a page starts: after the record of this score and key, or at the top. */
interface RankPosition {
  score: number;
  key: number;
}

/** Ranks the candidates of each parent: one statement for the whole batch. */
function rankedLoader(context: RequestContext, table: string, candidates: string, exclude: string, size: number, after: RankPosition | null): DataLoader<number, RankedRow[]> {
  return new DataLoader(async (owners) => {
    const rows = (await context.loaders.manager.query(
      `SELECT p.owner, ranked.* FROM unnest($1::int[]) AS p(owner) CROSS JOIN LATERAL (
         WITH me AS (SELECT * FROM ${table} WHERE id = p.owner),
              words AS (SELECT (SELECT string_agg(quote_literal(lexeme), ' | ') FROM unnest(me.search_document))::tsquery AS query FROM me),
              candidates AS (${candidates}),
              grouped AS (
                SELECT c.key, sum(c.weight) AS structural,
                       jsonb_agg(jsonb_build_object('kind', c.kind, 'linkKind', c.link_kind, 'ref', c.ref, 'weight', c.weight) ORDER BY c.weight DESC, c.kind) AS reasons
                FROM candidates c JOIN ${table} other ON other.id = c.key, me WHERE ${exclude} GROUP BY c.key
              )
         SELECT * FROM (
           SELECT g.key, g.reasons, ts_rank_cd(other.search_document, words.query, 32)::float8 AS similarity,
                  (g.structural + coalesce(ts_rank_cd(other.search_document, words.query, 32), 0))::float8 AS score
           FROM grouped g JOIN ${table} other ON other.id = g.key, words) scored
         WHERE $3::float8 IS NULL OR (scored.score, scored.key) < ($3::float8, $4::int)
         ORDER BY scored.score DESC, scored.key DESC LIMIT $2) ranked`,
      [[...new Set(owners)], size, after?.score ?? null, after?.key ?? null],
    )) as RankedRow[];
    return owners.map((owner) => rows.filter((row) => row.owner === owner));
  }, batchOptions);
}

function toReasons(row: RankedRow): RelationReason[] {
  const reasons = row.reasons.map((reason) => {
    // Links and builds-on carry their direction as "OUTGOING:<kind>" or "INCOMING:<kind>".
    const [direction, linkKind] = reason.linkKind ? reason.linkKind.split(':') : [null, null];
    return Object.assign(new RelationReason(), {
      kind: reason.kind,
      weight: reason.weight,
      linkKind: (linkKind || null) as LessonLinkKind | null,
      direction: (direction || null) as LinkDirection | null,
      sharedKey: reason.ref ?? null,
    });
  });
  if (row.similarity && row.similarity > 0) {
    reasons.push(Object.assign(new RelationReason(), { kind: RelationReasonKind.TEXT_SIMILARITY, weight: row.similarity, linkKind: null, direction: null, sharedKey: null }));
  }
  return reasons;
}

function checkSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > maximumRelated) throw userInputError('first', `must be from 1 to ${maximumRelated}, got ${first}`);
}

/** The position an `after` cursor of this list (`scope`) names; null for the first page. */
function positionAfter(scope: string, after: string | null | undefined): RankPosition | null {
  if (after === null || after === undefined) return null;
  const [score, key] = decodeCursor(after, scope, 'after');
  if (typeof score !== 'number' || !Number.isFinite(score) || !Number.isInteger(key)) throw invalidCursorError('after');
  return { score, key: key as number };
}

/** One page of a ranking: `first` of the rows fetched (one more tells whether there is a next page), each with its cursor. */
function pageOf<Edge>(scope: string, rows: RankedRow[], first: number, after: RankPosition | null, toEdge: (row: RankedRow, cursor: string) => Edge & { cursor: string }) {
  const edges = rows.slice(0, first).map((row) => toEdge(row, encodeCursor(scope, [row.score, row.key])));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return { edges, pageInfo };
}

const lessonCandidates = `
  SELECT k.to_lesson_id AS key, 'EXPLICIT_LINK'::text AS kind, 'OUTGOING:' || k.kind AS link_kind, NULL::int AS ref, ${reasonWeights.EXPLICIT_LINK}::float8 AS weight
    FROM lesson_link k WHERE k.from_lesson_id = p.owner
  UNION ALL
  SELECT k.from_lesson_id, 'EXPLICIT_LINK', 'INCOMING:' || k.kind, NULL, ${reasonWeights.EXPLICIT_LINK} FROM lesson_link k WHERE k.to_lesson_id = p.owner
  UNION ALL ${sharing(RelationReasonKind.SHARED_THEME, 'lesson_theme', 'lesson_id', 'theme_id')}
  UNION ALL ${sharing(RelationReasonKind.SHARED_DISTRICT, 'lesson_district', 'lesson_id', 'district_id')}`;

export async function relatedLessons(context: RequestContext, lessonKey: number, first: number, after?: string | null): Promise<RelatedLessonConnection> {
  checkSize(first);
  const scope = 'Lesson.relatedLessons';
  const position = positionAfter(scope, after);
  const loader = context.loaders.get(`related.lessons(${first},${after ?? ''})`, () => rankedLoader(context, 'lesson', lessonCandidates, 'other.brief_id <> me.brief_id', first + 1, position));
  const rows = await loader.load(lessonKey);
  const page = pageOf(scope, rows, first, position, (row, cursor) =>
    Object.assign(new RelatedLessonEdge(), { cursor, score: row.score, reasons: toReasons(row), node: { typeName: 'Lesson', key: row.key } }),
  );
  return Object.assign(new RelatedLessonConnection(), page);
}

const briefCandidates = `
  SELECT other.brief_id AS key, 'EXPLICIT_LINK'::text AS kind, 'OUTGOING:' || k.kind AS link_kind, NULL::int AS ref, ${reasonWeights.EXPLICIT_LINK}::float8 AS weight
    FROM lesson mine JOIN lesson_link k ON k.from_lesson_id = mine.id JOIN lesson other ON other.id = k.to_lesson_id WHERE mine.brief_id = p.owner
  UNION ALL
  SELECT other.brief_id, 'EXPLICIT_LINK', 'INCOMING:' || k.kind, NULL, ${reasonWeights.EXPLICIT_LINK}
    FROM lesson mine JOIN lesson_link k ON k.to_lesson_id = mine.id JOIN lesson other ON other.id = k.from_lesson_id WHERE mine.brief_id = p.owner
  UNION ALL
  SELECT x.builds_on_brief_id, 'BUILDS_ON', 'OUTGOING:', NULL, ${reasonWeights.BUILDS_ON} FROM brief_builds_on x WHERE x.brief_id = p.owner
  UNION ALL
  SELECT x.brief_id, 'BUILDS_ON', 'INCOMING:', NULL, ${reasonWeights.BUILDS_ON} FROM brief_builds_on x WHERE x.builds_on_brief_id = p.owner
  UNION ALL
  SELECT other.id, 'SAME_MEETING', NULL, NULL, ${reasonWeights.SAME_MEETING}
    FROM brief mine CROSS JOIN LATERAL (SELECT o.id FROM brief o WHERE o.follows_up_meeting_id = mine.follows_up_meeting_id ORDER BY o.id DESC LIMIT ${candidatesPerSharedRecord}) other
    WHERE mine.id = p.owner AND mine.follows_up_meeting_id IS NOT NULL
  UNION ALL ${sharing(RelationReasonKind.SHARED_THEME, 'brief_theme', 'brief_id', 'theme_id')}
  UNION ALL ${sharing(RelationReasonKind.SHARED_DISTRICT, 'brief_district', 'brief_id', 'district_id')}
  UNION ALL ${sharing(RelationReasonKind.SHARED_NETWORK, 'brief_network', 'brief_id', 'network_id')}`;

export async function relatedBriefs(context: RequestContext, briefKey: number, first: number, after?: string | null): Promise<RelatedBriefConnection> {
  checkSize(first);
  const scope = 'Brief.relatedBriefs';
  const position = positionAfter(scope, after);
  const loader = context.loaders.get(`related.briefs(${first},${after ?? ''})`, () => rankedLoader(context, 'brief', briefCandidates, 'other.id <> me.id', first + 1, position));
  const rows = await loader.load(briefKey);
  const page = pageOf(scope, rows, first, position, (row, cursor) =>
    Object.assign(new RelatedBriefEdge(), { cursor, score: row.score, reasons: toReasons(row), node: { typeName: 'Brief', key: row.key } }),
  );
  return Object.assign(new RelatedBriefConnection(), page);
}

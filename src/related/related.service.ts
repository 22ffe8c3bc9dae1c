/**
 * Related lessons and related briefs, explainably: candidates come from explicit
 * links, builds-on and meeting ties, and shared themes, districts and networks;
 * each candidate's score is the sum of its reasons' weights (an explicit link's times
 * its basis's) plus the cosine similarity of the two records' weighted term vectors:
 * words of titles and statements count more than words of summaries and explanations,
 * repeated words more than single ones, and a brief's vector takes in its lessons'
 * statements, so briefs that merely share a vocabulary score low and briefs that treat
 * the same matter score high.
 *
 * Cost is bounded by the arguments, not the database: each shared theme, district or
 * network contributes at most its 200 most recent records as candidates, of which the
 * 100 with the strongest reasons are compared by text, and every
 * parent in a batch is ranked by one statement (a LATERAL subquery per parent).
 *
 * The ranking is paged as a Relay connection: a cursor carries the score and key of its
 * record, so the next page starts after it in the same order (score, then key, both
 * descending), however deep, at the cost of the first page.
 */
import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { basisWeightSql, EvidenceBasis } from '../evidence/evidence-basis';
import type { LessonLinkKind } from '../lesson/lesson-link.entity';
import type { LinkDirection } from '../lesson/lesson.inputs';
import { decodeCursor, encodeCursor, invalidCursorError } from '../shared/pagination/cursor';
import { PageInfo } from '../shared/pagination/connection';
import { batchOptions } from '../shared/record-loaders';
import { userInputError } from '../shared/user-input-error';
import type { RankedRow } from './ranked-row';
import { reasonWeights, RelationReason, RelationReasonKind } from './relation-reason';
import { RelatedBriefConnection, RelatedBriefEdge, RelatedLessonConnection, RelatedLessonEdge } from './related.types';

export const maximumRelated = 20;
const candidatesPerSharedRecord = 200;
/** Candidates ranked with text similarity: those with the strongest reasons (most recent first among equals). */
const similarityShortlist = 100;

/** Candidates that share a row of `joinTable` (a theme, say) with the record `p.owner`. */
function sharing(kind: RelationReasonKind, joinTable: string, recordColumn: string, sharedColumn: string): string {
  return `SELECT other.${recordColumn} AS key, '${kind}'::text AS kind, NULL::text AS link_kind, mine.${sharedColumn} AS ref, ${reasonWeights[kind as keyof typeof reasonWeights]}::float8 AS weight
    FROM ${joinTable} mine CROSS JOIN LATERAL (
      SELECT o.${recordColumn} FROM ${joinTable} o WHERE o.${sharedColumn} = mine.${sharedColumn} AND o.${recordColumn} <> p.owner
      ORDER BY o.${recordColumn} DESC LIMIT ${candidatesPerSharedRecord}) other
    WHERE mine.${recordColumn} = p.owner`;
}

/** Weight of a term by the part of the text it comes from (setweight classes of search_document): titles and statements A, summaries and explanations B; notes and names (C) do not say what a text is about. */
const termClassWeight = `(CASE WHEN 'A' = ANY(term.weights) THEN 1.0 WHEN 'B' = ANY(term.weights) THEN 0.6 ELSE 0 END)`;

/** Terms of a search document (`document`, an SQL expression) as (lexeme, weight) rows, each scaled by `scale`; `from` and `where` join the record the document belongs to. */
function termsOf(document: string, scale = 1, from = '', where = 'TRUE'): string {
  return `SELECT term.lexeme, ${scale} * ${termClassWeight} * (1 + ln(coalesce(cardinality(term.positions), 1))) AS weight
    FROM ${from} unnest(${document}) term WHERE ${where}`;
}

/** A record's term vector: its own words and, for a brief, its lessons' statements (class A), counted as a summary's words are. */
const termVectors: Record<string, (record: string) => string> = {
  lesson: (record) => termsOf(`${record}.search_document`),
  brief: (record) =>
    `${termsOf(`${record}.search_document`)}
     UNION ALL ${termsOf(`ts_filter(own_lesson.search_document, '{a}')`, 0.6, 'lesson own_lesson,', `own_lesson.brief_id = ${record}.id`)}`,
};

/** An explicit link's weight: the reason's, times the weight of the link's basis. */
const linkWeight = (link: string) => `(${reasonWeights.EXPLICIT_LINK} * ${basisWeightSql(`${link}.basis::text`)})::float8`;

/** Where a page starts: after the record of this score and key, or at the top. */
interface RankPosition {
  score: number;
  key: number;
}

/**
 * Ranks the candidates of each parent: one statement for the whole batch. `$3` and `$4` are the page's start
 * (`after`); `$5`, when `bases` is given (null for any), the bases a candidate may rest on.
 */
function rankedLoader(
  context: RequestContext,
  table: string,
  candidates: string,
  exclude: string,
  size: number,
  after: RankPosition | null,
  bases?: EvidenceBasis[] | null,
): DataLoader<number, RankedRow[]> {
  const terms = termVectors[table];
  return new DataLoader(async (owners) => {
    const rows = (await context.loaders.manager.query(
      `SELECT p.owner, ranked.* FROM unnest($1::int[]) AS p(owner) CROSS JOIN LATERAL (
         WITH me AS (SELECT * FROM ${table} WHERE id = p.owner),
              my_terms AS (SELECT lexeme, sum(weight) AS weight FROM me CROSS JOIN LATERAL (${terms('me')}) terms GROUP BY lexeme HAVING sum(weight) > 0),
              my_norm AS (SELECT sqrt(sum(weight * weight)) AS norm FROM my_terms),
              candidates AS (${candidates}),
              grouped AS (
                SELECT c.key, sum(c.weight) AS structural,
                       jsonb_agg(jsonb_build_object('kind', c.kind, 'linkKind', c.link_kind, 'ref', c.ref, 'weight', c.weight) ORDER BY c.weight DESC, c.kind, c.ref) AS reasons
                FROM candidates c JOIN ${table} other ON other.id = c.key, me WHERE ${exclude} GROUP BY c.key
              ),
              -- Text similarity is worked out for the candidates with the strongest reasons only, so its cost is bounded.
              shortlisted AS (SELECT * FROM grouped ORDER BY structural DESC, key DESC LIMIT ${similarityShortlist}),
              -- Their terms in one set (hash aggregates, no per-candidate subplan), then one dot product each.
              their_terms AS (
                SELECT g.key, terms.lexeme, sum(terms.weight) AS weight
                FROM shortlisted g JOIN ${table} other ON other.id = g.key CROSS JOIN LATERAL (${terms('other')}) terms
                GROUP BY g.key, terms.lexeme
              ),
              similarities AS (
                SELECT theirs.key, sum(theirs.weight * coalesce(mine.weight, 0)) / nullif((SELECT norm FROM my_norm) * sqrt(sum(theirs.weight * theirs.weight)), 0) AS value
                FROM their_terms theirs LEFT JOIN my_terms mine USING (lexeme) GROUP BY theirs.key
              ),
              scored AS (
                SELECT g.key, g.reasons, round(coalesce(similarities.value, 0)::numeric, 3)::float8 AS similarity, g.structural
                FROM shortlisted g LEFT JOIN similarities USING (key)
              )
         SELECT * FROM (
           SELECT key, reasons, similarity, round((structural + similarity)::numeric, 3)::float8 AS score FROM scored
         ) ranked_rows
         WHERE $3::float8 IS NULL OR (ranked_rows.score, ranked_rows.key) < ($3::float8, $4::int)
         ORDER BY ranked_rows.score DESC, ranked_rows.key DESC LIMIT $2) ranked`,
      [[...new Set(owners)], size, after?.score ?? null, after?.key ?? null, ...(bases === undefined ? [] : [bases])],
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
    reasons.push(
      Object.assign(new RelationReason(), {
        kind: RelationReasonKind.TEXT_SIMILARITY,
        weight: row.similarity,
        linkKind: null,
        direction: null,
        sharedKey: null,
      }),
    );
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
function pageOf<Edge>(
  scope: string,
  rows: RankedRow[],
  first: number,
  after: RankPosition | null,
  toEdge: (row: RankedRow, cursor: string) => Edge & { cursor: string },
) {
  const edges = rows.slice(0, first).map((row) => toEdge(row, encodeCursor(scope, [row.score, row.key])));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return { edges, pageInfo };
}

// Explicit links name the link itself (ref) and only count when they rest on one of the bases asked for.
const lessonCandidates = `
  SELECT k.to_lesson_id AS key, 'EXPLICIT_LINK'::text AS kind, 'OUTGOING:' || k.kind AS link_kind, k.id AS ref, ${linkWeight('k')} AS weight
    FROM lesson_link k WHERE k.from_lesson_id = p.owner AND ($5::evidence_basis[] IS NULL OR k.basis = ANY($5))
  UNION ALL
  SELECT k.from_lesson_id, 'EXPLICIT_LINK', 'INCOMING:' || k.kind, k.id, ${linkWeight('k')} FROM lesson_link k WHERE k.to_lesson_id = p.owner AND ($5::evidence_basis[] IS NULL OR k.basis = ANY($5))
  UNION ALL ${sharing(RelationReasonKind.SHARED_THEME, 'lesson_theme', 'lesson_id', 'theme_id')}
  UNION ALL ${sharing(RelationReasonKind.SHARED_DISTRICT, 'lesson_district', 'lesson_id', 'district_id')}`;

export async function relatedLessons(
  context: RequestContext,
  lessonKey: number,
  first: number,
  after?: string | null,
  bases: EvidenceBasis[] | null = null,
): Promise<RelatedLessonConnection> {
  checkSize(first);
  if (bases && bases.length === 0) throw userInputError('bases', 'must name at least one basis, or be left out for every basis');
  // A cursor belongs to the ranking it came from, bases included.
  const scope = bases ? `Lesson.relatedLessons(${[...bases].sort().join('|')})` : 'Lesson.relatedLessons';
  const position = positionAfter(scope, after);
  const exclude = 'other.brief_id <> me.brief_id AND ($5::evidence_basis[] IS NULL OR other.basis = ANY($5))';
  const loader = context.loaders.relatedLessons.of(`${first},${after ?? ''},${bases?.join('|') ?? ''}`, () =>
    rankedLoader(context, 'lesson', lessonCandidates, exclude, first + 1, position, bases),
  );
  const rows = await loader.load(lessonKey);
  const page = pageOf(scope, rows, first, position, (row, cursor) =>
    Object.assign(new RelatedLessonEdge(), { cursor, score: row.score, reasons: toReasons(row), node: { typeName: 'Lesson', key: row.key } }),
  );
  return Object.assign(new RelatedLessonConnection(), page);
}

const briefCandidates = `
  SELECT other.brief_id AS key, 'EXPLICIT_LINK'::text AS kind, 'OUTGOING:' || k.kind AS link_kind, k.id AS ref, ${linkWeight('k')} AS weight
    FROM lesson mine JOIN lesson_link k ON k.from_lesson_id = mine.id JOIN lesson other ON other.id = k.to_lesson_id WHERE mine.brief_id = p.owner
  UNION ALL
  SELECT other.brief_id, 'EXPLICIT_LINK', 'INCOMING:' || k.kind, k.id, ${linkWeight('k')}
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
  const loader = context.loaders.relatedBriefs.of(`${first},${after ?? ''}`, () =>
    rankedLoader(context, 'brief', briefCandidates, 'other.id <> me.id', first + 1, position),
  );
  const rows = await loader.load(briefKey);
  const page = pageOf(scope, rows, first, position, (row, cursor) =>
    Object.assign(new RelatedBriefEdge(), { cursor, score: row.score, reasons: toReasons(row), node: { typeName: 'Brief', key: row.key } }),
  );
  return Object.assign(new RelatedBriefConnection(), page);
}

/**
 * The strongest chains of relations between two records, found by breadth-first search
 * from both ends at once over the `graph_edge` view, then ranked by the weights of their
 * relations (an editors' lesson link or a follow-up says more than a shared theme), so
 * the path that carries meaning comes first even when a shorter one runs through a theme.
 *
 * Each hop is one SQL statement that expands the smaller frontier through the foreign-key
 * indexes and takes at most `maximumFrontier` edges, strongest first, so the cost is
 * bounded by maxHops, never by the size of the database. The search goes one hop past
 * the first meeting of the two sides (paths one step longer than the shortest), then stops. A record keeps every edge that
 * reached it at the hop it was first reached (up to `maximumParents`), and paths are put
 * together from both sides' best partial paths. The price of the bounds: a path whose
 * only routes pass through more than that many records at one hop can be missed.
 */
import type { RequestContext } from '../context';
import { basisWeightSql, EvidenceBasis } from '../evidence/evidence-basis';
import type { LessonLinkKind } from '../lesson/lesson-link.entity';
import type { RecordReference } from '../read/request-reads';
import { decodeGlobalId } from '../shared/global-id';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import { GraphRelation, PathStep, RecordPath, RelationKind } from './record-path.types';

export const maximumHops = 4;
export const maximumFrontier = 5000;
export const maximumPaths = 10;
/** Edges kept per record reached: enough for several best paths through it, bounded. */
const maximumParents = 8;
const graphTypes = ['Brief', 'Lesson', 'Meeting', 'Theme', 'District', 'DistrictNetwork', 'Organization'];

export const relationKindOf: Record<GraphRelation, RelationKind> = {
  PUBLISHED_BY: RelationKind.PUBLICATION,
  PUBLISHED: RelationKind.PUBLICATION,
  FOLLOWS_UP: RelationKind.FOLLOW_UP,
  FOLLOWED_UP_BY: RelationKind.FOLLOW_UP,
  DRAWN_IN: RelationKind.LESSON_OF_BRIEF,
  DRAWS: RelationKind.LESSON_OF_BRIEF,
  CONVENED_BY: RelationKind.CONVENING,
  CONVENED: RelationKind.CONVENING,
  SUBTHEME_OF: RelationKind.SUBTHEME,
  HAS_SUBTHEME: RelationKind.SUBTHEME,
  HOUSED_BY: RelationKind.HOUSING,
  HOUSES: RelationKind.HOUSING,
  COORDINATED_BY: RelationKind.COORDINATION,
  COORDINATES: RelationKind.COORDINATION,
  HAS_THEME: RelationKind.THEME,
  THEME_OF: RelationKind.THEME,
  STUDIES: RelationKind.STUDY,
  STUDIED_IN: RelationKind.STUDY,
  ABOUT: RelationKind.SUBJECT,
  SUBJECT_OF: RelationKind.SUBJECT,
  MEMBER_OF: RelationKind.MEMBERSHIP,
  HAS_MEMBER: RelationKind.MEMBERSHIP,
  BUILDS_ON: RelationKind.BUILDS_ON,
  BUILT_ON_BY: RelationKind.BUILDS_ON,
  LINKS_TO: RelationKind.LESSON_LINK,
  LINKED_FROM: RelationKind.LESSON_LINK,
};

/** How much a relation of each kind says about how two records are related (documented in docs/architecture.md, "Search and research" and on RelationKind). */
export const relationWeight: Record<RelationKind, number> = {
  LESSON_LINK: 1,
  FOLLOW_UP: 0.9,
  BUILDS_ON: 0.9,
  LESSON_OF_BRIEF: 0.9,
  STUDY: 0.6,
  SUBJECT: 0.6,
  THEME: 0.5,
  SUBTHEME: 0.5,
  MEMBERSHIP: 0.4,
  PUBLICATION: 0.3,
  CONVENING: 0.3,
  COORDINATION: 0.3,
  HOUSING: 0.3,
};

type NodeId = string; // "<Type>:<key>"

interface Edge {
  from_type: string;
  from_key: number;
  to_type: string;
  to_key: number;
  relation: GraphRelation;
  detail: string | null;
  basis: EvidenceBasis | null;
  strength: number;
}

interface Side {
  /** For each record reached, the edges that reached it at the hop it was first reached (none for the end itself), in path direction. */
  parents: Map<NodeId, Edge[]>;
  frontier: NodeId[];
  /** True for the "from" end: edges leave the frontier; false for the "to" end: edges enter it. */
  forwards: boolean;
}

export interface PathOptions {
  maxHops: number;
  first: number;
  via: RelationKind[] | null | undefined;
  basis: EvidenceBasis[] | null | undefined;
}

const idOf = (type: string, key: number): NodeId => `${type}:${key}`;

function parseId(id: NodeId): { type: string; key: number } {
  const [type, key] = id.split(':');
  return { type, key: Number(key) };
}

function keysByType(ids: Iterable<NodeId>): Map<string, number[]> {
  const byType = new Map<string, number[]>();
  for (const id of ids) {
    const { type, key } = parseId(id);
    const keys = byType.get(type);
    if (keys) keys.push(key);
    else byType.set(type, [key]);
  }
  return byType;
}

/** The relations a search may follow: those of the kinds given (a brief's own lessons always), or all. */
function allowedRelations(via: RelationKind[] | null | undefined): GraphRelation[] {
  const kinds = new Set(via ?? Object.values(RelationKind));
  kinds.add(RelationKind.LESSON_OF_BRIEF);
  return (Object.keys(relationKindOf) as GraphRelation[]).filter((relation) => kinds.has(relationKindOf[relation]));
}

/** SQL for a step's strength: its kind's weight, times its basis's weight for a lesson link (the same for every hop). */
const strengthSql = `(CASE e.relation ${(Object.keys(relationKindOf) as GraphRelation[])
  .map((relation) => `WHEN '${relation}' THEN ${relationWeight[relationKindOf[relation]]}`)
  .join(' ')} END) * coalesce(${basisWeightSql('e.basis')}, 1)`;

/** One hop from a frontier: one statement, at most maximumFrontier edges (strongest first) to records this side has not reached. */
async function expand(context: RequestContext, side: Side, options: PathOptions): Promise<Edge[]> {
  const sql = new SqlBuilder();
  const near = side.forwards ? 'from' : 'to';
  const far = side.forwards ? 'to' : 'from';
  const conditions = [...keysByType(side.frontier)].map(
    ([type, keys]) => `(e.${near}_type = ${sql.param(type, 'text')} AND e.${near}_key = ANY(${sql.param(keys, 'int[]')}))`,
  );
  // Records this side has reached already would only use up the frontier's room.
  const exclusions = [...keysByType(side.parents.keys())].map(
    ([type, keys]) => `NOT (e.${far}_type = ${sql.param(type, 'text')} AND e.${far}_key = ANY(${sql.param(keys, 'int[]')}))`,
  );
  const filters = [`e.relation = ANY(${sql.param(allowedRelations(options.via), 'text[]')})`];
  if (options.basis) {
    const bases = sql.param(options.basis, 'evidence_basis[]');
    // Lessons along the path, and links between them, must rest on one of the bases given.
    filters.push(`(e.${far}_type <> 'Lesson' OR EXISTS (SELECT 1 FROM lesson WHERE lesson.id = e.${far}_key AND lesson.basis = ANY(${bases})))`);
    filters.push(`(e.basis IS NULL OR e.basis = ANY(${bases}::text[]))`);
  }
  // graph_edge gives a lesson link's basis (null for other relations), which weighs in the step's strength.
  return (
    await context.loaders.manager.query(
      `SELECT e.from_type, e.from_key, e.to_type, e.to_key, e.relation, e.detail, e.basis, ${strengthSql} AS strength
       FROM graph_edge e WHERE (${conditions.join(' OR ')}) ${[...exclusions, ...filters].map((condition) => `AND ${condition}`).join(' ')}
      ORDER BY strength DESC, e.${far}_type, e.${far}_key, e.relation, e.${near}_type, e.${near}_key, e.detail
      LIMIT ${sql.param(maximumFrontier, 'int')}`,
      sql.parameters,
    )
  ).map((edge: Edge) => ({ ...edge, strength: Number(edge.strength) })) as Edge[];
}

interface PartialPath {
  edges: Edge[];
  strength: number;
}

/** The best partial paths from a side's end to a record it reached, as many as `limit`, in path direction. */
function bestPartialPaths(side: Side, node: NodeId, limit: number, memo: Map<NodeId, PartialPath[]>): PartialPath[] {
  const known = memo.get(node);
  if (known) return known;
  const parents = side.parents.get(node) ?? [];
  let paths: PartialPath[];
  if (parents.length === 0) paths = [{ edges: [], strength: 1 }];
  else {
    paths = parents.flatMap((edge) => {
      const previous = side.forwards ? idOf(edge.from_type, edge.from_key) : idOf(edge.to_type, edge.to_key);
      return bestPartialPaths(side, previous, limit, memo).map((partial) => ({
        edges: side.forwards ? [...partial.edges, edge] : [edge, ...partial.edges],
        strength: partial.strength * edge.strength,
      }));
    });
    paths.sort((left, right) => right.strength - left.strength || left.edges.length - right.edges.length);
    paths = paths.slice(0, limit);
  }
  memo.set(node, paths);
  return paths;
}

function checkEnd(id: string, argumentName: string): { type: string; key: number } {
  const { typeName, key } = decodeGlobalId(id, argumentName);
  if (!graphTypes.includes(typeName))
    throw userInputError(argumentName, `is the ID of a ${typeName}, which cannot be an end of a connection; use a ${graphTypes.join(', ')}`);
  return { type: typeName, key };
}

function checkOptions(options: PathOptions): void {
  const { maxHops, first } = options;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > maximumHops) throw userInputError('maxHops', `must be from 1 to ${maximumHops}, got ${maxHops}`);
  if (!Number.isInteger(first) || first < 1 || first > maximumPaths) throw userInputError('first', `must be from 1 to ${maximumPaths}, got ${first}`);
  if (options.via && options.via.length === 0) throw userInputError('via', 'must name at least one kind of relation, or be left out for every kind');
  if (options.basis && options.basis.length === 0) throw userInputError('basis', 'must name at least one basis, or be left out for every basis');
}

/** Expands the two sides hop by hop (the smaller frontier first), one statement a hop, noting every edge that reaches a record. */
async function searchBothWays(context: RequestContext, start: Side, end: Side, options: PathOptions): Promise<void> {
  // Paths are looked for up to one step longer than the shortest (an explicit link between two briefs' lessons is
  // three steps where a shared theme is two), and never beyond maxHops.
  let shortest: number | undefined;
  for (let hops = 0; hops < options.maxHops && (shortest === undefined || hops <= shortest); hops++) {
    const candidates = [start, end].filter((side) => side.frontier.length > 0);
    if (candidates.length === 0) break;
    const side = candidates.reduce((smaller, other) => (other.frontier.length < smaller.frontier.length ? other : smaller));
    const other = side === start ? end : start;
    const next: NodeId[] = [];
    for (const edge of await expand(context, side, options)) {
      const reachedId = side.forwards ? idOf(edge.to_type, edge.to_key) : idOf(edge.from_type, edge.from_key);
      let parents = side.parents.get(reachedId);
      if (!parents) {
        parents = [];
        side.parents.set(reachedId, parents);
        next.push(reachedId);
      }
      if (parents.length < maximumParents) parents.push(edge);
      if (shortest === undefined && other.parents.has(reachedId)) shortest = hops + 1;
    }
    side.frontier = next;
  }
}

/** The strongest paths between two records, best first, at most `first` of them; an empty list when none is short enough. */
export async function findRecordPaths(context: RequestContext, fromId: string, toId: string, options: PathOptions): Promise<RecordPath[]> {
  checkOptions(options);
  const from = checkEnd(fromId, 'from');
  const to = checkEnd(toId, 'to');
  const fromRecord = { typeName: from.type, key: from.key };
  const [fromExists, toExists] = await context.reads.exist([fromRecord, { typeName: to.type, key: to.key }]);
  if (!fromExists) throw userInputError('from', `is the ID of a ${from.type} that does not exist`);
  if (!toExists) throw userInputError('to', `is the ID of a ${to.type} that does not exist`);
  if (from.type === to.type && from.key === to.key) return [Object.assign(new RecordPath(), { hops: 0, strength: 1, nodes: [fromRecord], steps: [] })];

  const start: Side = { parents: new Map([[idOf(from.type, from.key), []]]), frontier: [idOf(from.type, from.key)], forwards: true };
  const end: Side = { parents: new Map([[idOf(to.type, to.key), []]]), frontier: [idOf(to.type, to.key)], forwards: false };
  await searchBothWays(context, start, end, options);
  return rankPaths(start, end, options.first);
}

/** Joins both sides' best partial paths at every record both reached, keeps simple paths, and ranks them. */
function rankPaths(start: Side, end: Side, first: number): RecordPath[] {
  const limit = first * 2; // room for the joined paths that repeat a record and are dropped
  const startMemo = new Map<NodeId, PartialPath[]>();
  const endMemo = new Map<NodeId, PartialPath[]>();
  const found = new Map<string, PartialPath>();
  for (const meeting of start.parents.keys()) {
    if (!end.parents.has(meeting)) continue;
    for (const head of bestPartialPaths(start, meeting, limit, startMemo)) {
      for (const tail of bestPartialPaths(end, meeting, limit, endMemo)) {
        const edges = [...head.edges, ...tail.edges];
        const records = [idOf(edges[0].from_type, edges[0].from_key), ...edges.map((edge) => idOf(edge.to_type, edge.to_key))];
        if (new Set(records).size !== records.length) continue;
        const signature = edges.map((edge) => `${edge.relation}:${edge.detail ?? ''}>${idOf(edge.to_type, edge.to_key)}`).join(' ');
        if (!found.has(signature)) found.set(signature, { edges, strength: head.strength * tail.strength });
      }
    }
  }
  return [...found.entries()]
    .sort(
      ([leftSignature, left], [rightSignature, right]) =>
        right.strength - left.strength || left.edges.length - right.edges.length || (leftSignature < rightSignature ? -1 : 1),
    )
    .slice(0, first)
    .map(([, path]) => buildPath(path));
}

const rounded = (value: number) => Math.round(value * 1000) / 1000;

function buildPath(path: PartialPath): RecordPath {
  const { edges } = path;
  const ids = [idOf(edges[0].from_type, edges[0].from_key), ...edges.map((edge) => idOf(edge.to_type, edge.to_key))];
  // References: the read engine reads each record with the fields asked for.
  const nodes: RecordReference[] = ids.map((id) => {
    const { type, key } = parseId(id);
    return { typeName: type, key };
  });
  const steps = edges.map((edge, index) =>
    Object.assign(new PathStep(), {
      from: nodes[index],
      relation: edge.relation,
      linkKind: (edge.detail as LessonLinkKind | null) ?? null,
      kind: relationKindOf[edge.relation],
      basis: edge.basis ?? null,
      strength: rounded(edge.strength),
      to: nodes[index + 1],
    }),
  );
  return Object.assign(new RecordPath(), { hops: edges.length, strength: rounded(path.strength), nodes, steps });
}

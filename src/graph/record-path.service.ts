/**
 * The shortest chain of relations between two records, found by breadth-first search
 * from both ends at once over the `graph_edge` view. Each hop is one SQL statement
 * that expands the smaller frontier through the foreign-key indexes, and takes at most
 * `maximumFrontier` new records, so the cost is bounded by maxHops, never by the size
 * of the database. The price of the bound: a path whose only routes pass through more
 * than that many records at one hop can be missed (the answer is then null).
 */
import type { RequestContext } from '../context';
import type { RecordReference } from '../read/request-reads';
import type { LessonLinkKind } from '../lesson/lesson-link.entity';
import { decodeGlobalId } from '../shared/global-id';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import { GraphRelation, PathStep, RecordPath } from './record-path.types';

export const maximumHops = 4;
export const maximumFrontier = 5000;
const graphTypes = ['Brief', 'Lesson', 'Meeting', 'Theme', 'District', 'DistrictNetwork', 'Organization'];

type NodeId = string; // "<Type>:<key>"

interface Edge {
  from_type: string;
  from_key: number;
  to_type: string;
  to_key: number;
  relation: GraphRelation;
  detail: string | null;
}

interface Side {
  /** For each reached record, the edge that reached it (null for the end itself), in path direction. */
  reached: Map<NodeId, Edge | null>;
  frontier: NodeId[];
  /** True for the "from" end: edges leave the frontier; false for the "to" end: edges enter it. */
  forwards: boolean;
}

const idOf = (type: string, key: number): NodeId => `${type}:${key}`;

function parseId(id: NodeId): { type: string; key: number } {
  const [type, key] = id.split(':');
  return { type, key: Number(key) };
}

/** One hop from a frontier: one statement, at most maximumFrontier edges to records not yet reached. */
async function expand(context: RequestContext, side: Side): Promise<Edge[]> {
  const sql = new SqlBuilder();
  const near = side.forwards ? 'from' : 'to';
  const far = side.forwards ? 'to' : 'from';
  const byType = new Map<string, number[]>();
  for (const id of side.frontier) {
    const { type, key } = parseId(id);
    byType.set(type, [...(byType.get(type) ?? []), key]);
  }
  const conditions = [...byType].map(([type, keys]) => `(${near}_type = ${sql.param(type, 'text')} AND ${near}_key = ANY(${sql.param(keys, 'int[]')}))`);
  // Records this side has reached already would only use up the frontier's room.
  const reachedByType = new Map<string, number[]>();
  for (const id of side.reached.keys()) {
    const { type, key } = parseId(id);
    reachedByType.set(type, [...(reachedByType.get(type) ?? []), key]);
  }
  const exclusions = [...reachedByType].map(([type, keys]) => `NOT (${far}_type = ${sql.param(type, 'text')} AND ${far}_key = ANY(${sql.param(keys, 'int[]')}))`);
  return (await context.loaders.manager.query(
    `SELECT DISTINCT ON (${far}_type, ${far}_key) from_type, from_key, to_type, to_key, relation, detail
     FROM graph_edge WHERE (${conditions.join(' OR ')}) ${exclusions.map((exclusion) => `AND ${exclusion}`).join(' ')}
     ORDER BY ${far}_type, ${far}_key, relation LIMIT ${sql.param(maximumFrontier, 'int')}`,
    sql.parameters,
  )) as Edge[];
}

function pathEdges(meeting: NodeId, start: Side, end: Side): Edge[] {
  const fromStart: Edge[] = [];
  for (let edge = start.reached.get(meeting); edge; edge = start.reached.get(idOf(edge.from_type, edge.from_key))) fromStart.unshift(edge);
  const toEnd: Edge[] = [];
  for (let edge = end.reached.get(meeting); edge; edge = end.reached.get(idOf(edge.to_type, edge.to_key))) toEnd.push(edge);
  return [...fromStart, ...toEnd];
}

function checkEnd(id: string, argumentName: string): { type: string; key: number } {
  const { typeName, key } = decodeGlobalId(id, argumentName);
  if (!graphTypes.includes(typeName)) throw userInputError(argumentName, `is the ID of a ${typeName}, which cannot be an end of a connection; use a ${graphTypes.join(', ')}`);
  return { type: typeName, key };
}

export async function findRecordPath(context: RequestContext, fromId: string, toId: string, maxHops: number): Promise<RecordPath | null> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > maximumHops) throw userInputError('maxHops', `must be from 1 to ${maximumHops}, got ${maxHops}`);
  const from = checkEnd(fromId, 'from');
  const to = checkEnd(toId, 'to');
  const fromRecord = { typeName: from.type, key: from.key };
  const [fromExists, toExists] = await context.reads.exist([fromRecord, { typeName: to.type, key: to.key }]);
  if (!fromExists) throw userInputError('from', `is the ID of a ${from.type} that does not exist`);
  if (!toExists) throw userInputError('to', `is the ID of a ${to.type} that does not exist`);
  if (from.type === to.type && from.key === to.key) return Object.assign(new RecordPath(), { hops: 0, nodes: [fromRecord], steps: [] });

  const start: Side = { reached: new Map([[idOf(from.type, from.key), null]]), frontier: [idOf(from.type, from.key)], forwards: true };
  const end: Side = { reached: new Map([[idOf(to.type, to.key), null]]), frontier: [idOf(to.type, to.key)], forwards: false };
  for (let hops = 0; hops < maxHops; hops++) {
    const side = start.frontier.length <= end.frontier.length ? start : end;
    const other = side === start ? end : start;
    const next: NodeId[] = [];
    let meeting: NodeId | undefined;
    for (const edge of await expand(context, side)) {
      const reachedId = side.forwards ? idOf(edge.to_type, edge.to_key) : idOf(edge.from_type, edge.from_key);
      if (side.reached.has(reachedId)) continue;
      side.reached.set(reachedId, edge);
      next.push(reachedId);
      if (other.reached.has(reachedId)) {
        meeting = reachedId;
        break;
      }
    }
    if (meeting) return buildPath(pathEdges(meeting, start, end));
    side.frontier = next;
    if (next.length === 0) return null;
  }
  return null;
}

function buildPath(edges: Edge[]): RecordPath {
  const ids = [idOf(edges[0].from_type, edges[0].from_key), ...edges.map((edge) => idOf(edge.to_type, edge.to_key))];
  // References: the read engine reads each record with the fields asked for.
  const nodes: RecordReference[] = ids.map((id) => {
    const { type, key } = parseId(id);
    return { typeName: type, key };
  });
  const steps = edges.map((edge, index) =>
    Object.assign(new PathStep(), { from: nodes[index], relation: edge.relation, linkKind: (edge.detail as LessonLinkKind | null) ?? null, to: nodes[index + 1] }),
  );
  return Object.assign(new RecordPath(), { hops: edges.length, nodes, steps });
}

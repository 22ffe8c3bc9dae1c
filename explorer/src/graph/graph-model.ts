/**
 * The records and ties drawn in the lesson graph, grown one expansion at a time and bounded: it
 * never holds more than `maximumNodes` records, so expanding on a 100,000-lesson knowledge base
 * stays as quick to draw and read as on the seed data.
 */
import type { ResultOf } from '../graphql';
import { recordPath } from '../shared/record-path';
import type { GraphNeighbourhoodQuery } from './graph.queries';

export const maximumNodes = 60;

export type GraphNodeType = 'Brief' | 'Lesson';
export type GraphEdgeKind = 'link' | 'draws' | 'shared';

export interface GraphNode {
  id: string;
  type: GraphNodeType;
  label: string;
  path: string;
  /** Steps from the record the graph started from (for the concentric layout). */
  level: number;
  expanded: boolean;
  briefTitle?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** For explicit links: SUPPORTS, QUALIFIES, … */
  linkKind?: string;
  /** Shown on hover and in the list: the link's rationale, or what the records share. */
  description: string;
}

export interface GraphModel {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** True when an expansion left records out to stay within maximumNodes. */
  truncated: boolean;
}

export const emptyGraph = (): GraphModel => ({ nodes: new Map(), edges: new Map(), truncated: false });

type Neighbourhood = NonNullable<ResultOf<typeof GraphNeighbourhoodQuery>['node']>;
interface LessonData {
  id: string;
  statement: string;
  brief: { id: string; slug: string; title: string };
}

class GraphBuilder {
  constructor(
    readonly model: GraphModel,
    readonly level: number,
  ) {}

  addNode(node: Omit<GraphNode, 'expanded' | 'level'>, level = this.level): boolean {
    if (this.model.nodes.has(node.id)) return true;
    if (this.model.nodes.size >= maximumNodes) {
      this.model.truncated = true;
      return false;
    }
    this.model.nodes.set(node.id, { ...node, level, expanded: false });
    return true;
  }

  addLesson(lesson: LessonData, level = this.level): boolean {
    return this.addNode(
      { id: lesson.id, type: 'Lesson', label: lesson.statement, path: recordPath({ __typename: 'Lesson', id: lesson.id })!, briefTitle: lesson.brief.title },
      level,
    );
  }

  addBrief(brief: { id: string; slug: string; title: string }, level = this.level): boolean {
    return this.addNode({ id: brief.id, type: 'Brief', label: brief.title, path: recordPath({ __typename: 'Brief', ...brief })! }, level);
  }

  /** Adds a tie only when both ends are drawn; ties between the same two records are kept once per kind. */
  addEdge(edge: GraphEdge): void {
    if (!this.model.nodes.has(edge.source) || !this.model.nodes.has(edge.target)) return;
    if (!this.model.edges.has(edge.id)) this.model.edges.set(edge.id, edge);
  }

  addLink(link: { id: string; kind: string; rationale: string; from: LessonData; to: LessonData }): void {
    this.addLesson(link.from);
    this.addLesson(link.to);
    this.addEdge({
      id: link.id,
      source: link.from.id,
      target: link.to.id,
      kind: 'link',
      linkKind: link.kind,
      description: `${link.kind.toLowerCase()}: ${link.rationale}`,
    });
  }

  addShared(
    source: string,
    target: string,
    reasons: ReadonlyArray<{ kind: string; theme?: { name: string } | null; district?: { name: string } | null; network?: { name: string } | null }>,
  ): void {
    const shared = reasons.flatMap((reason) => {
      if (reason.kind === 'SHARED_THEME' && reason.theme) return [`theme ${reason.theme.name}`];
      if (reason.kind === 'SHARED_DISTRICT' && reason.district) return [`district ${reason.district.name}`];
      if (reason.kind === 'SHARED_NETWORK' && reason.network) return [`network ${reason.network.name}`];
      return [];
    });
    if (shared.length === 0) return;
    const [first, second] = [source, target].sort();
    this.addEdge({ id: `shared:${first}:${second}`, source, target, kind: 'shared', description: `both on ${shared.join(', ')}` });
  }
}

/** A new model with the neighbourhood of `center` added (the model given is not changed). */
export function expand(model: GraphModel, neighbourhood: Neighbourhood): GraphModel {
  const next: GraphModel = { nodes: new Map(model.nodes), edges: new Map(model.edges), truncated: model.truncated };
  const centerLevel = model.nodes.get(neighbourhood.id)?.level ?? 0;
  const builder = new GraphBuilder(next, centerLevel + 1);
  if (neighbourhood.__typename === 'Lesson') {
    builder.addLesson(neighbourhood, centerLevel);
    builder.addBrief(neighbourhood.brief);
    builder.addEdge({
      id: `draws:${neighbourhood.id}`,
      source: neighbourhood.brief.id,
      target: neighbourhood.id,
      kind: 'draws',
      description: 'the brief draws this lesson',
    });
    for (const link of neighbourhood.links.nodes) builder.addLink(link);
    for (const edge of neighbourhood.relatedLessons.edges) {
      if (builder.addLesson(edge.node)) builder.addShared(neighbourhood.id, edge.node.id, edge.reasons);
    }
  } else if (neighbourhood.__typename === 'Brief') {
    builder.addBrief(neighbourhood, centerLevel);
    for (const lesson of neighbourhood.lessons.nodes) {
      if (!builder.addLesson(lesson)) continue;
      builder.addEdge({ id: `draws:${lesson.id}`, source: neighbourhood.id, target: lesson.id, kind: 'draws', description: 'the brief draws this lesson' });
      for (const link of lesson.links.nodes) builder.addLink(link);
    }
    for (const edge of neighbourhood.relatedBriefs.edges) {
      if (builder.addBrief(edge.node)) builder.addShared(neighbourhood.id, edge.node.id, edge.reasons);
    }
  }
  const center = next.nodes.get(neighbourhood.id);
  if (center) next.nodes.set(center.id, { ...center, expanded: true });
  return next;
}

/**
 * Draws the graph model with Cytoscape.js, loaded only when a graph is shown (it is the largest
 * library here). Explicit links are solid arrows coloured by kind, "draws" ties thin grey, shared
 * themes and districts light dashes; hovering a tie shows its rationale. The canvas is a picture
 * for pointer users: the lists beside it carry the same content for keyboards and screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import type { Core, ElementDefinition } from 'cytoscape';
import { linkKindColours } from '../shared/link-kinds';
import type { GraphModel } from './graph-model';

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function elementsOf(model: GraphModel, focusId: string): ElementDefinition[] {
  const nodes: ElementDefinition[] = [...model.nodes.values()].map((node) => ({
    data: {
      id: node.id,
      label: shorten(node.label, 48),
      type: node.type,
      level: node.level,
      focus: node.id === focusId ? 1 : 0,
      expanded: node.expanded ? 1 : 0,
    },
  }));
  const edges: ElementDefinition[] = [...model.edges.values()].map((edge) => ({
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      colour: edge.linkKind ? (linkKindColours[edge.linkKind] ?? '#333') : '#8a8a8a',
      label: edge.linkKind?.toLowerCase() ?? '',
      description: edge.description,
    },
  }));
  return [...nodes, ...edges];
}

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'font-size': '9px',
      color: '#1a1a1a',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      width: 22,
      height: 22,
      'background-color': '#1a6e3a',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[type = "Brief"]', style: { shape: 'round-rectangle', 'background-color': '#1f4fa8', width: 30, height: 22 } },
  { selector: 'node[focus = 1]', style: { 'border-color': '#111111', 'border-width': 4 } },
  { selector: 'node[expanded = 0]', style: { 'background-opacity': 0.75 } },
  { selector: 'edge', style: { width: 1, 'line-color': 'data(colour)', 'curve-style': 'bezier' } },
  {
    selector: 'edge[kind = "link"]',
    style: {
      width: 3,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': 'data(colour)',
      label: 'data(label)',
      'font-size': '9px',
      color: '#333333',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
    },
  },
  { selector: 'edge[kind = "shared"]', style: { 'line-style': 'dashed', 'line-color': '#b5b5b5' } },
  { selector: 'edge[kind = "draws"]', style: { 'line-color': '#9a9a9a' } },
];

interface GraphCanvasProps {
  model: GraphModel;
  focusId: string;
  onSelect: (id: string) => void;
}

export function GraphCanvas({ model, focusId, onSelect }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const [tooltip, setTooltip] = useState<{ text: string; x: number; y: number } | null>(null);
  const [ready, setReady] = useState(false);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    let cancelled = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !container.current) return;
      const instance = cytoscape({ container: container.current, style: style as never, minZoom: 0.3, maxZoom: 2.5 });
      instance.on('tap', 'node', (event) => selectRef.current(event.target.id()));
      instance.on('mouseover', 'edge', (event) => {
        const position = event.renderedPosition;
        setTooltip({ text: event.target.data('description'), x: position.x, y: position.y });
      });
      instance.on('mouseout', 'edge', () => setTooltip(null));
      graph.current = instance;
      setReady(true);
    });
    return () => {
      cancelled = true;
      graph.current?.destroy();
      graph.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = graph.current;
    if (!instance) return;
    instance.elements().remove();
    instance.add(elementsOf(model, focusId));
    // Concentric by distance from the starting record: deterministic, and the focus stays in the middle.
    const maximumLevel = Math.max(0, ...[...model.nodes.values()].map((node) => node.level));
    instance
      .layout({
        name: 'concentric',
        concentric: (node: { data: (key: string) => number }) => maximumLevel - node.data('level'),
        levelWidth: () => 1,
        minNodeSpacing: 70,
        spacingFactor: 1.1,
        animate: false,
      } as never)
      .run();
    instance.fit(undefined, 40);
    // A small graph fitted to the box would be drawn huge: keep it at natural size, centred.
    if (instance.zoom() > 1) {
      instance.zoom(1);
      instance.center();
    }
  }, [model, focusId, ready]);

  return (
    <div className="graph-canvas-wrapper">
      <div ref={container} className="graph-canvas" aria-hidden="true" data-testid="graph-canvas" />
      {tooltip ? (
        <div className="graph-tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }} role="tooltip">
          {tooltip.text}
        </div>
      ) : null}
    </div>
  );
}

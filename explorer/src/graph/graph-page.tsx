/**
 * The lesson graph around a lesson or a brief: expandable one record at a time (the expansions
 * are in the URL, so a view can be shared), bounded in size, with the same records and ties as
 * lists that a keyboard or a screen reader can use.
 */
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { linkKindColours } from '../shared/link-kinds';
import { PageTitle } from '../shared/page-title';
import { Loading } from '../shared/query-state';
import { SearchBox } from '../search/search-box';
import { GraphCanvas } from './graph-canvas';
import { emptyGraph, expand, maximumNodes, type GraphModel } from './graph-model';
import { GraphNeighbourhoodQuery } from './graph.queries';

function graphHref(focus: string, expanded: string[]): string {
  const parameters = new URLSearchParams({ focus });
  for (const id of expanded) parameters.append('expand', id);
  return `/graph?${parameters.toString()}`;
}

/** Loads the focus and every expansion named in the URL, in order. */
function useGraphModel(focus: string, expanded: string[]) {
  const client = useClient();
  const [state, setState] = useState<{ model: GraphModel; error?: string; loading: boolean }>({ model: emptyGraph(), loading: true });
  const key = [focus, ...expanded].join(' ');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let model = emptyGraph();
      for (const id of [focus, ...expanded]) {
        const result = await client.query(GraphNeighbourhoodQuery, { id }).toPromise();
        if (cancelled) return;
        if (result.error) return setState({ model, error: result.error.message, loading: false });
        if (result.data?.node && (result.data.node.__typename === 'Lesson' || result.data.node.__typename === 'Brief')) model = expand(model, result.data.node);
        setState({ model, loading: true });
      }
      setState({ model, loading: false });
    })();
    return () => {
      cancelled = true;
    };
    // `key` stands for focus and expanded: a new array of the same ids must not reload the graph.
  }, [key, client]);
  return state;
}

function GraphPicker() {
  const [, navigate] = useLocation();
  return (
    <>
      <PageTitle title="Lesson graph">Lesson graph</PageTitle>
      <p>Choose a brief to see its lessons, the links between them and lessons of other reports, and related briefs.</p>
      <SearchBox label="Brief to start from" placeholder="Type a brief’s title…" onSubmit={null} onChoose={(record) => navigate(graphHref(record.id, []))} />
    </>
  );
}

export function GraphPage() {
  const parameters = new URLSearchParams(useSearch());
  const focus = parameters.get('focus');
  if (!focus) return <GraphPicker />;
  return <GraphView focus={focus} expanded={parameters.getAll('expand')} />;
}

function GraphView({ focus, expanded }: { focus: string; expanded: string[] }) {
  const [, navigate] = useLocation();
  const { model, error, loading } = useGraphModel(focus, expanded);
  const [selected, setSelected] = useState<string | null>(null);
  const focusNode = model.nodes.get(focus);
  const expandNode = (id: string) => {
    if (!model.nodes.get(id)?.expanded) navigate(graphHref(focus, [...expanded, id]));
  };
  const selectedNode = selected ? model.nodes.get(selected) : undefined;
  const nodes = [...model.nodes.values()].sort((left, right) => left.level - right.level);
  const title = focusNode ? `Graph: ${focusNode.label}` : 'Lesson graph';
  return (
    <>
      <PageTitle title={title}>Lesson graph{focusNode ? <span className="subtitle">around “{focusNode.label}”</span> : null}</PageTitle>
      {error ? <p role="alert">Could not load the graph: {error}</p> : null}
      <p className="meta" role="status">
        {loading ? 'Loading…' : `${model.nodes.size} records, ${model.edges.size} ties.`}{' '}
        {model.truncated ? `The graph holds at most ${maximumNodes} records: some were left out. Open a record’s own graph to go further.` : null}
      </p>
      <ul className="legend graph-legend" aria-label="Legend">
        {Object.entries(linkKindColours).map(([kind, colour]) => (
          <li key={kind}>
            <span className="swatch line" style={{ background: colour }} aria-hidden="true" /> {kind.toLowerCase()}
          </li>
        ))}
        <li>
          <span className="swatch line dashed" aria-hidden="true" /> shared theme or district
        </li>
        <li>
          <span className="swatch square" aria-hidden="true" /> brief, <span className="swatch round" aria-hidden="true" /> lesson
        </li>
      </ul>
      <div className="graph-layout">
        <GraphCanvas
          model={model}
          focusId={focus}
          onSelect={(id) => {
            setSelected(id);
            expandNode(id);
          }}
        />
        <div className="graph-side">
          {selectedNode ? (
            <section aria-labelledby="selected-heading" className="selected-node">
              <h2 id="selected-heading">Selected</h2>
              <p>
                <Link href={selectedNode.path}>{selectedNode.label}</Link>
              </p>
            </section>
          ) : null}
          <section aria-labelledby="graph-records-heading">
            <h2 id="graph-records-heading">Records in the graph</h2>
            {model.nodes.size === 0 && loading ? <Loading /> : null}
            <ul className="graph-records">
              {nodes.map((node) => (
                <li key={node.id}>
                  <span className="type-tag">{node.type}</span> <Link href={node.path}>{node.label}</Link>
                  {node.type === 'Lesson' && node.briefTitle ? <span className="meta"> (in {node.briefTitle})</span> : null}{' '}
                  {node.expanded ? (
                    <span className="meta">expanded</span>
                  ) : (
                    <button type="button" className="small" onClick={() => expandNode(node.id)} aria-label={`Expand: ${node.label}`}>
                      Expand
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="graph-ties-heading">
            <h2 id="graph-ties-heading">Links between lessons</h2>
            <ul className="graph-ties">
              {[...model.edges.values()]
                .filter((edge) => edge.kind === 'link')
                .map((edge) => (
                  <li key={edge.id}>
                    “{model.nodes.get(edge.source)?.label}” <strong>{edge.linkKind?.toLowerCase()}</strong> “{model.nodes.get(edge.target)?.label}”
                    <div className="rationale">{edge.description.replace(/^[a-z]+: /, 'Why: ')}</div>
                  </li>
                ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}

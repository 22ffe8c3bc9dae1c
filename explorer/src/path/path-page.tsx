/**
 * How two records connect: pick both ends, and the shortest chain of relations between them is
 * shown step by step, each step saying why (the relation, and a lesson link's rationale).
 */
import { useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { PageTitle } from '../shared/page-title';
import { Loading, RequestError } from '../shared/query-state';
import { RecordLink } from '../shared/record-link';
import { typeLabels, type LinkableRecord } from '../shared/record-path';
import { SearchBox } from '../search/search-box';
import { PathEndsQuery, RecordConnectionQuery, StepLinksQuery } from './path.queries';
import { relationPhrase } from './relation-words';

function pathHref(from?: string | null, to?: string | null): string {
  const parameters = new URLSearchParams();
  if (from) parameters.set('from', from);
  if (to) parameters.set('to', to);
  return `/path?${parameters.toString()}`;
}

function StepRationale({ from, to, kind, relation }: { from: string; to: string; kind: string; relation: string }) {
  // A LINKED_FROM step walks a link backwards: the link belongs to the step's far end.
  const [source, target] = relation === 'LINKS_TO' ? [from, to] : [to, from];
  const [result] = useQuery({ query: StepLinksQuery, variables: { lesson: source, kind: kind as 'SUPPORTS' } });
  const node = result.data?.node;
  const link = node?.__typename === 'Lesson' ? node.links.nodes.find((item) => item.from.id === source && item.to.id === target) : undefined;
  return link ? <p className="rationale">Why: {link.rationale}</p> : null;
}

function EndPicker({ label, record, onChoose }: { label: string; record?: LinkableRecord | null; onChoose: (id: string) => void }) {
  return (
    <div className="path-end">
      <h2>{label}</h2>
      {record ? (
        <p className="chosen">
          <RecordLink record={record} showType />
        </p>
      ) : (
        <p className="meta">Not chosen yet.</p>
      )}
      <SearchBox label={`${label}: find a record`} placeholder="Type a title or name…" onSubmit={null} onChoose={(chosen) => onChoose(chosen.id)} />
    </div>
  );
}

function PathResult({ from, to }: { from: string; to: string }) {
  const [result] = useQuery({ query: RecordConnectionQuery, variables: { from, to } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading label="Finding the path…" />;
  const path = result.data.connection;
  if (!path) return <p role="status">These two records are not connected within 4 steps.</p>;
  return (
    <section aria-labelledby="path-heading" className="path-result">
      <h2 id="path-heading">
        Connected in {path.hops} {path.hops === 1 ? 'step' : 'steps'}
      </h2>
      <ol className="path-steps">
        {path.steps.map((step, index) => (
          <li key={index}>
            <p>
              <span className="type-tag">{typeLabels[step.from.__typename] ?? step.from.__typename}</span> <RecordLink record={step.from} />{' '}
              <strong className="relation">{relationPhrase(step.relation, step.linkKind)}</strong>{' '}
              <span className="type-tag">{typeLabels[step.to.__typename] ?? step.to.__typename}</span> <RecordLink record={step.to} />
            </p>
            {step.linkKind ? <StepRationale from={step.from.id} to={step.to.id} kind={step.linkKind} relation={step.relation} /> : null}
          </li>
        ))}
      </ol>
      <p className="meta">This is the shortest chain the API finds (at most 4 steps).</p>
    </section>
  );
}

export function PathPage() {
  const parameters = new URLSearchParams(useSearch());
  const from = parameters.get('from');
  const to = parameters.get('to');
  const [, navigate] = useLocation();
  const ids = [from, to].filter((id): id is string => Boolean(id));
  const [ends] = useQuery({ query: PathEndsQuery, variables: { ids }, pause: ids.length === 0 });
  const endOf = (id: string | null) => (id ? ends.data?.nodes.find((node) => node?.id === id) : undefined);
  return (
    <>
      <PageTitle title="Path between two records">How are two records connected?</PageTitle>
      <div className="path-ends">
        <EndPicker label="From" record={endOf(from)} onChoose={(id) => navigate(pathHref(id, to))} />
        <EndPicker label="To" record={endOf(to)} onChoose={(id) => navigate(pathHref(from, id))} />
      </div>
      {from && to ? (
        <>
          <p>
            <button type="button" onClick={() => navigate(pathHref(to, from))}>
              Swap the ends
            </button>
          </p>
          <PathResult from={from} to={to} />
        </>
      ) : null}
    </>
  );
}

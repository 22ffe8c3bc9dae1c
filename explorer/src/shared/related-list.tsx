/** Related records, most related first, each with why ("shares the theme Data use; similar wording"). */
import type { CombinedError } from 'urql';
import { Loading, RequestError } from './query-state';
import { RecordLink } from './record-link';
import type { LinkableRecord } from './record-path';
import { RelationReasons, type RelationReasonView } from './relation-reasons';

interface RelatedEdge {
  score: number;
  reasons: readonly RelationReasonView[];
  node: LinkableRecord & { brief?: { id: string; slug: string; title: string } };
}

/** `edges` undefined: still loading (related records are ranked in a query of their own, after the page's facts). */
export function RelatedList({ heading, edges, error }: { heading: string; edges: readonly RelatedEdge[] | undefined; error?: CombinedError }) {
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{heading}</h2>
      {error ? <RequestError error={error} /> : null}
      {!edges && !error ? <Loading label="Ranking related records…" /> : null}
      {!edges ? null : edges.length === 0 ? (
        <p className="empty">None found.</p>
      ) : (
        <ol className="record-list related">
          {edges.map((edge) => (
            <li key={edge.node.id}>
              <RecordLink record={edge.node} />
              {edge.node.brief ? (
                <span className="in-brief">
                  {' '}
                  (in <RecordLink record={{ __typename: 'Brief', ...edge.node.brief }} />)
                </span>
              ) : null}
              <div className="meta">
                Related because <RelationReasons reasons={edge.reasons} /> <span className="score">(score {edge.score.toFixed(2)})</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

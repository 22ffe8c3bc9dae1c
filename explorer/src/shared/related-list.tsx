/** Related records, most related first, each with why ("shares the theme Data use; similar wording"). */
import { RecordLink } from './record-link';
import type { LinkableRecord } from './record-path';
import { RelationReasons, type RelationReasonView } from './relation-reasons';

interface RelatedEdge {
  score: number;
  reasons: readonly RelationReasonView[];
  node: LinkableRecord & { brief?: { id: string; slug: string; title: string } };
}

export function RelatedList({ heading, edges }: { heading: string; edges: readonly RelatedEdge[] }) {
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{heading}</h2>
      {edges.length === 0 ? (
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

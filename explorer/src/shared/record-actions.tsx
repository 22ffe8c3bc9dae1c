/** The ways on from any record: see its neighbourhood as a graph, or find how it connects to another. */
import { Link } from 'wouter';

/** `citeAnchor`: the id of the page's citation section, for a "Cite this brief" link to it. */
export function RecordActions({ id, graph = true, citeAnchor }: { id: string; graph?: boolean; citeAnchor?: string }) {
  return (
    <ul className="record-actions">
      {graph ? (
        <li>
          <Link href={`/graph?focus=${encodeURIComponent(id)}`}>Show in the lesson graph</Link>
        </li>
      ) : null}
      <li>
        <Link href={`/path?from=${encodeURIComponent(id)}`}>Find a path from here</Link>
      </li>
      {citeAnchor ? (
        <li>
          <a href={`#${citeAnchor}`}>Cite this brief</a>
        </li>
      ) : null}
    </ul>
  );
}

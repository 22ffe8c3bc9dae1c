/** The ways on from any record: see its neighbourhood as a graph, or find how it connects to another. */
import { Link } from 'wouter';

export function RecordActions({ id, graph = true }: { id: string; graph?: boolean }) {
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
    </ul>
  );
}

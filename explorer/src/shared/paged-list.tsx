/**
 * A list read page by page from a connection (20 at a time, so a theme with 100,000 lessons
 * costs what one with 20 does), with Next and Previous buttons. It owns its query, so a record
 * page shows its facts at once and each list fills in on its own.
 */
import { useState, type ReactNode } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { Loading, RequestError } from './query-state';

export interface Page<Item> {
  nodes: readonly Item[];
  /** Left out of queries whose lists can be huge: counting 50,000 lessons costs more than showing 20. */
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export const pageSize = 20;

interface PagedListProps<Data, Variables extends AnyVariables, Item> {
  heading: string;
  query: TypedDocumentNode<Data, Variables>;
  variables: Omit<Variables, 'after' | 'first'>;
  select: (data: Data) => Page<Item> | null | undefined;
  renderItem: (item: Item) => ReactNode;
  itemKey: (item: Item) => string;
  empty?: string;
  /** Render as <ol> (ordered, as lessons in a brief) rather than <ul>. */
  ordered?: boolean;
}

export function PagedList<Data, Variables extends AnyVariables, Item>(props: PagedListProps<Data, Variables, Item>) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const [result] = useQuery({ query: props.query, variables: { ...props.variables, first: pageSize, after } as unknown as Variables });
  const page = result.data ? props.select(result.data) : undefined;
  const headingId = `list-${props.heading.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const List = props.ordered ? 'ol' : 'ul';
  const pageNumber = cursors.length;
  const start = (pageNumber - 1) * pageSize;
  return (
    <section className="paged-list" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.heading}
        {page?.totalCount !== undefined ? <span className="count"> ({page.totalCount})</span> : null}
      </h2>
      {result.error ? <RequestError error={result.error} /> : null}
      {!page && result.fetching ? <Loading /> : null}
      {page && page.nodes.length === 0 ? <p className="empty">{props.empty ?? 'None.'}</p> : null}
      {page && page.nodes.length > 0 ? (
        <List className="record-list" start={props.ordered ? start + 1 : undefined}>
          {page.nodes.map((item) => (
            <li key={props.itemKey(item)}>{props.renderItem(item)}</li>
          ))}
        </List>
      ) : null}
      {page && (pageNumber > 1 || page.pageInfo.hasNextPage) ? (
        <nav className="pager" aria-label={`${props.heading}: pages`}>
          <button type="button" disabled={pageNumber === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            Previous page
          </button>
          <span>
            {start + 1}–{start + page.nodes.length}
            {page.totalCount !== undefined ? ` of ${page.totalCount}` : null}
          </span>
          <button type="button" disabled={!page.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}>
            Next page
          </button>
        </nav>
      ) : null}
    </section>
  );
}

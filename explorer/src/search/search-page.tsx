/**
 * Search results: ranked across every kind of record with highlighted snippets, the typo notice,
 * facets that narrow briefs or lessons, and paging. Everything is in the URL.
 */
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { briefKindLabels, enumLabel } from '../shared/kinds';
import { pageSize } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Loading, RequestError } from '../shared/query-state';
import { RecordLink } from '../shared/record-link';
import { FacetPanel } from './facet-panel';
import { HighlightTerms, Snippet } from './highlight';
import { NarrowedBriefsQuery, NarrowedLessonsQuery, SearchModeQuery, SearchResultsQuery } from './search.queries';
import { SearchBox } from './search-box';
import { briefFilterOf, facetTarget, isNarrowed, lessonFilterOf, readSearchState, scopes, searchHref, type SearchState } from './search-state';

type SearchTypeName = 'BRIEF' | 'LESSON' | 'MEETING' | 'THEME' | 'DISTRICT' | 'ORGANIZATION' | 'PERSON';

function TypoNotice({ query, corrected }: { query: string; corrected: string }) {
  return (
    <p className="typo-notice" role="status">
      Nothing matched “{query}” as written; showing results for <strong>“{corrected}”</strong>.
    </p>
  );
}

function Pager({
  state,
  total,
  count,
  endCursor,
  hasNextPage,
}: {
  state: SearchState;
  total: string;
  count: number;
  endCursor?: string | null;
  hasNextPage: boolean;
}) {
  const start = (state.page - 1) * pageSize + 1;
  if (count === 0 || (state.page === 1 && !hasNextPage)) return null;
  return (
    <nav className="pager" aria-label="Result pages">
      {state.page > 1 ? <Link href={searchHref({ ...state, after: undefined, page: 1 })}>First page</Link> : <span />}
      <span>
        {start}–{start + count - 1} of {total}
      </span>
      {hasNextPage && endCursor ? <Link href={searchHref({ ...state, after: endCursor, page: state.page + 1 })}>Next page</Link> : <span />}
    </nav>
  );
}

function RankedResults({ state, types }: { state: SearchState; types?: SearchTypeName[] }) {
  const [result] = useQuery({ query: SearchResultsQuery, variables: { query: state.query, types, first: pageSize, after: state.after } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading label="Searching…" />;
  const search = result.data.search;
  const total = `${search.totalCountIsExact ? '' : 'about '}${search.totalCount}`;
  return (
    <>
      {search.matchMode === 'FUZZY' && search.correctedQuery ? <TypoNotice query={state.query} corrected={search.correctedQuery} /> : null}
      <p className="result-count" role="status">
        {search.totalCount === 0 ? `No results for “${state.query}”.` : `${total} results`}
      </p>
      <ol className="results">
        {search.edges.map((edge) => (
          <li key={edge.node.id} className="result">
            <RecordLink record={edge.node} showType />
            <div className="meta">
              {edge.node.__typename === 'Brief' ? `${enumLabel(edge.node.kind, briefKindLabels)} · ${edge.node.publicationDate?.text ?? 'date unknown'}` : null}
              {edge.node.__typename === 'Lesson' ? <>In {edge.node.brief.title}</> : null}
              {edge.node.__typename === 'Meeting' ? `${edge.node.dateRange} · ${edge.node.location.text}` : null}
            </div>
            {edge.highlights.map((highlight) => (
              <p className="snippet" key={highlight.field}>
                <span className="field">{highlight.field}:</span> <Snippet snippet={highlight.snippet} />
              </p>
            ))}
          </li>
        ))}
      </ol>
      <Pager state={state} total={total} count={search.edges.length} endCursor={search.pageInfo.endCursor} hasNextPage={search.pageInfo.hasNextPage} />
    </>
  );
}

function NarrowedResults({ state, words, target }: { state: SearchState; words: string; target: 'briefs' | 'lessons' }) {
  const [briefs] = useQuery({
    query: NarrowedBriefsQuery,
    variables: { search: words, filter: briefFilterOf(state), first: pageSize, after: state.after },
    pause: target !== 'briefs',
  });
  const [lessons] = useQuery({
    query: NarrowedLessonsQuery,
    variables: { search: words, filter: lessonFilterOf(state), first: pageSize, after: state.after },
    pause: target !== 'lessons',
  });
  const current = target === 'briefs' ? briefs : lessons;
  if (current.error) return <RequestError error={current.error} />;
  const connection = target === 'briefs' ? briefs.data?.briefs : lessons.data?.lessons;
  if (!connection) return <Loading label="Searching…" />;
  return (
    <>
      <p className="result-count" role="status">
        {connection.totalCount === 0
          ? `No ${target} match these choices.`
          : `${connection.totalCount} ${connection.totalCount === 1 ? target.slice(0, -1) : target}`}
      </p>
      <ol className="results">
        {connection.nodes.map((node) => (
          <li key={node.id} className="result">
            <RecordLink record={node} showType>
              <HighlightTerms text={node.__typename === 'Brief' ? node.title : node.__typename === 'Lesson' ? node.statement : ''} query={words} />
            </RecordLink>
            {node.__typename === 'Brief' && 'summary' in node ? (
              <>
                <div className="meta">
                  {enumLabel(node.kind, briefKindLabels)} · {node.publicationDate?.text ?? 'date unknown'}
                </div>
                <p className="snippet">
                  <HighlightTerms text={node.summary} query={words} />
                </p>
              </>
            ) : null}
            {node.__typename === 'Lesson' ? <div className="meta">In {node.brief.title}</div> : null}
          </li>
        ))}
      </ol>
      <Pager
        state={state}
        total={String(connection.totalCount)}
        count={connection.nodes.length}
        endCursor={connection.pageInfo.endCursor}
        hasNextPage={connection.pageInfo.hasNextPage}
      />
    </>
  );
}

export function SearchPage() {
  const state = readSearchState(useSearch());
  const [, navigate] = useLocation();
  const scope = scopes.find((item) => item.value === state.scope);
  const types = scope?.types as SearchTypeName[] | undefined;
  const target = facetTarget(state);
  const narrowed = target !== undefined && isNarrowed(state);
  // How the words were understood (a corrected query after a typo): facets and narrowed lists use it.
  const [mode] = useQuery({
    query: SearchModeQuery,
    variables: { query: state.query, types: target === 'lessons' ? ['LESSON'] : target === 'briefs' ? ['BRIEF'] : types },
    pause: !state.query || !target,
  });
  const corrected = mode.data?.search.matchMode === 'FUZZY' ? mode.data.search.correctedQuery : null;
  const words = corrected ?? state.query;
  const update = (next: SearchState) => navigate(searchHref(next));
  return (
    <>
      <PageTitle title={state.query ? `Search: ${state.query}` : 'Search'}>{state.query ? `Results for “${state.query}”` : 'Search'}</PageTitle>
      <SearchBox
        key={state.query}
        initialQuery={state.query}
        label="Search again"
        onSubmit={(query) => update({ ...state, query, after: undefined, page: 1 })}
      />
      {state.query ? (
        <>
          <nav className="scopes" aria-label="Kinds of record">
            <ul>
              {scopes.map((item) => (
                <li key={item.value}>
                  <Link
                    href={searchHref({ ...state, scope: item.value, after: undefined, page: 1 })}
                    aria-current={item.value === state.scope ? 'page' : undefined}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className={target ? 'search-layout' : undefined}>
            {target && mode.data ? <FacetPanel state={state} words={words} target={target} onChange={update} /> : null}
            <section className="search-results" aria-label="Results">
              {narrowed ? (
                <>
                  {corrected ? <TypoNotice query={state.query} corrected={corrected} /> : null}
                  <p className="narrowing">
                    Showing {target} narrowed by your choices.{' '}
                    <Link href={searchHref({ ...state, themes: [], districts: [], kinds: [], publishers: [], year: undefined, after: undefined, page: 1 })}>
                      Clear the choices
                    </Link>
                  </p>
                  <NarrowedResults state={state} words={words} target={target} />
                </>
              ) : (
                <RankedResults state={state} types={target === 'lessons' ? ['LESSON'] : types} />
              )}
            </section>
          </div>
        </>
      ) : (
        <p>Type words to search briefs, lessons, meetings, themes, districts, organizations and people. Use "quotes" for phrases, or, and -word to exclude.</p>
      )}
    </>
  );
}

/** The theme tree: top-level themes with their sub-themes. */
import { useQuery } from 'urql';
import { PageTitle } from '../shared/page-title';
import { Loading, RequestError } from '../shared/query-state';
import { RecordLink } from '../shared/record-link';
import { ThemeListQuery } from './theme.queries';

export function ThemeListPage() {
  const [result] = useQuery({ query: ThemeListQuery, variables: {} });
  return (
    <>
      <PageTitle title="Themes">Themes</PageTitle>
      {result.error ? <RequestError error={result.error} /> : null}
      {!result.data ? <Loading /> : null}
      <ul className="theme-tree">
        {result.data?.themes.nodes.map((theme) => (
          <li key={theme.id}>
            <RecordLink record={theme} />
            {theme.description ? <p className="meta">{theme.description}</p> : null}
            {theme.children.length > 0 ? (
              <ul>
                {theme.children.map((child) => (
                  <li key={child.id}>
                    <RecordLink record={child} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Facets with counts that narrow the results: choosing one changes the URL, which re-runs the
 * search. Each facet's counts ignore its own choice (the API's rule), so alternatives stay visible.
 */
import { useQuery } from 'urql';
import { briefKindLabels, enumLabel } from '../shared/kinds';
import { BriefFacetsQuery, LessonFacetsQuery } from './search.queries';
import { briefFilterOf, lessonFilterOf, type FacetName, type SearchState } from './search-state';

interface FacetValue {
  value: string;
  label: string;
  count: number;
}

type FacetCounts = NonNullable<ReturnType<typeof useFacetCounts>>;

function useFacetCounts(state: SearchState, words: string, target: 'briefs' | 'lessons') {
  const [briefs] = useQuery({ query: BriefFacetsQuery, variables: { search: words, filter: briefFilterOf(state) }, pause: target !== 'briefs' });
  const [lessons] = useQuery({ query: LessonFacetsQuery, variables: { search: words, filter: lessonFilterOf(state) }, pause: target !== 'lessons' });
  return target === 'briefs' ? briefs.data?.briefFacets : lessons.data?.lessonFacets;
}

function facetValues(counts: FacetCounts, facet: FacetName): FacetValue[] {
  switch (facet) {
    case 'themes':
      return counts.themes.map((item) => ({ value: item.theme.id, label: item.theme.name, count: item.count }));
    case 'districts':
      return counts.districts.map((item) => ({ value: item.district.id, label: item.district.name, count: item.count }));
    case 'kinds':
      return counts.kinds.map((item) => ({ value: item.kind, label: enumLabel(item.kind, briefKindLabels), count: item.count }));
    case 'publishers':
      return counts.publishers.map((item) => ({
        value: item.organization.id,
        label: item.organization.shortName ?? item.organization.name,
        count: item.count,
      }));
  }
}

const facetLegends: Record<FacetName, string> = { themes: 'Theme', districts: 'District', kinds: 'Kind', publishers: 'Publisher' };

interface FacetPanelProps {
  state: SearchState;
  /** The words the results were found with (the corrected query after a typo). */
  words: string;
  target: 'briefs' | 'lessons';
  onChange: (state: SearchState) => void;
}

export function FacetPanel({ state, words, target, onChange }: FacetPanelProps) {
  const counts = useFacetCounts(state, words, target);
  // Lessons can only be narrowed by what LessonFilter accepts (see lessonFilterOf).
  const facets: FacetName[] = target === 'lessons' ? ['themes', 'districts'] : ['themes', 'kinds', 'publishers', 'districts'];
  const toggle = (facet: FacetName, value: string, checked: boolean) => {
    const values = checked ? [...state[facet], value] : state[facet].filter((item) => item !== value);
    onChange({ ...state, [facet]: values, after: undefined, page: 1 });
  };
  return (
    <section className="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">Narrow the {target}</h2>
      {!counts ? <p role="status">Counting…</p> : null}
      {counts ? (
        <>
          {facets.map((facet) => {
            const values = facetValues(counts, facet);
            if (values.length === 0) return null;
            return (
              <fieldset key={facet}>
                <legend>{facetLegends[facet]}</legend>
                {values.map((item) => {
                  const inputId = `facet-${facet}-${item.value}`;
                  return (
                    <div className="facet-value" key={item.value}>
                      <input
                        id={inputId}
                        type="checkbox"
                        checked={state[facet].includes(item.value)}
                        onChange={(event) => toggle(facet, item.value, event.target.checked)}
                      />
                      <label htmlFor={inputId}>
                        {item.label} <span className="count">({item.count})</span>
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          {target === 'briefs' && counts.years.length > 0 ? (
            <fieldset>
              <legend>Year published</legend>
              <div className="facet-value">
                <input
                  id="facet-year-any"
                  type="radio"
                  name="year"
                  checked={!state.year}
                  onChange={() => onChange({ ...state, year: undefined, after: undefined, page: 1 })}
                />
                <label htmlFor="facet-year-any">Any year</label>
              </div>
              {counts.years.map((item) => (
                <div className="facet-value" key={item.year}>
                  <input
                    id={`facet-year-${item.year}`}
                    type="radio"
                    name="year"
                    checked={state.year === item.year}
                    onChange={() => onChange({ ...state, year: item.year, after: undefined, page: 1 })}
                  />
                  <label htmlFor={`facet-year-${item.year}`}>
                    {item.year} <span className="count">({item.count})</span>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

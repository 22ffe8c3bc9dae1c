/**
 * The search page's state, all of it in the URL (so a search can be bookmarked and shared):
 * q, scope (`in`), facet values (IDs and enum values, repeatable), year, and the page cursor.
 */
export type SearchScope = 'all' | 'briefs' | 'lessons' | 'meetings' | 'themes' | 'districts' | 'organizations' | 'people';

export const scopes: Array<{ value: SearchScope; label: string; types?: string[] }> = [
  { value: 'all', label: 'Everything' },
  { value: 'briefs', label: 'Briefs', types: ['BRIEF'] },
  { value: 'lessons', label: 'Lessons', types: ['LESSON'] },
  { value: 'meetings', label: 'Meetings', types: ['MEETING'] },
  { value: 'themes', label: 'Themes', types: ['THEME'] },
  { value: 'districts', label: 'Districts', types: ['DISTRICT'] },
  { value: 'organizations', label: 'Organizations', types: ['ORGANIZATION'] },
  { value: 'people', label: 'People', types: ['PERSON'] },
];

export interface SearchState {
  query: string;
  scope: SearchScope;
  themes: string[];
  districts: string[];
  kinds: string[];
  publishers: string[];
  year?: number;
  after?: string;
  page: number;
}

export type FacetName = 'themes' | 'districts' | 'kinds' | 'publishers';
const facetParameters: Record<FacetName, string> = { themes: 'theme', districts: 'district', kinds: 'kind', publishers: 'publisher' };

export function readSearchState(search: string): SearchState {
  const parameters = new URLSearchParams(search);
  const scope = scopes.find((item) => item.value === parameters.get('in'))?.value ?? 'all';
  return {
    query: parameters.get('q') ?? '',
    scope,
    themes: parameters.getAll('theme'),
    districts: parameters.getAll('district'),
    kinds: parameters.getAll('kind'),
    publishers: parameters.getAll('publisher'),
    year: Number(parameters.get('year')) || undefined,
    after: parameters.get('after') ?? undefined,
    page: Math.max(1, Number(parameters.get('page')) || 1),
  };
}

export function searchHref(state: SearchState): string {
  const parameters = new URLSearchParams();
  parameters.set('q', state.query);
  if (state.scope !== 'all') parameters.set('in', state.scope);
  for (const facet of Object.keys(facetParameters) as FacetName[]) for (const value of state[facet]) parameters.append(facetParameters[facet], value);
  if (state.year) parameters.set('year', String(state.year));
  if (state.after) {
    parameters.set('after', state.after);
    parameters.set('page', String(state.page));
  }
  return `/search?${parameters.toString()}`;
}

/** Facets narrow briefs or lessons: lessons when the scope is lessons, briefs otherwise. */
export const facetTarget = (state: SearchState): 'briefs' | 'lessons' | undefined =>
  state.scope === 'lessons' ? 'lessons' : state.scope === 'all' || state.scope === 'briefs' ? 'briefs' : undefined;

export const isNarrowed = (state: SearchState) =>
  state.themes.length + state.districts.length + state.kinds.length + state.publishers.length > 0 || state.year !== undefined;

export function briefFilterOf(state: SearchState) {
  return {
    themes: state.themes.length > 0 ? { anyOf: state.themes } : undefined,
    districts: state.districts.length > 0 ? state.districts : undefined,
    kinds: state.kinds.length > 0 ? (state.kinds as Array<'CASE_STUDY' | 'MEETING_SUMMARY' | 'POLICY_BRIEF' | 'REPORT' | 'RESEARCH_PAPER'>) : undefined,
    publishers: state.publishers.length > 0 ? state.publishers : undefined,
    published: state.year ? { from: `${state.year}-01-01`, to: `${state.year}-12-31` } : undefined,
  };
}

/**
 * Lessons can be narrowed by theme and district only: LessonFilter has no year, kind or publisher
 * (lessonFacets counts them, but a filter could not honour them), nor basis until issue 14.
 */
export function lessonFilterOf(state: SearchState) {
  return {
    themes: state.themes.length > 0 ? { anyOf: state.themes } : undefined,
    districts: state.districts.length > 0 ? state.districts : undefined,
  };
}

import { graphql } from '../graphql';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const AutocompleteQuery = graphql(
  `
    query Autocomplete($prefix: String!) {
      autocomplete(prefix: $prefix, first: 8, types: [BRIEF, THEME, MEETING, DISTRICT, ORGANIZATION, PERSON]) {
        text
        type
        node {
          ...RecordLink
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const SearchResultsQuery = graphql(
  `
    query SearchResults($query: String!, $types: [SearchType!], $first: Int, $after: String) {
      search(query: $query, types: $types, first: $first, after: $after) {
        totalCount
        totalCountIsExact
        matchMode
        correctedQuery
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          score
          highlights {
            field
            snippet
          }
          node {
            ...RecordLink
            ... on Brief {
              kind: briefKind
              publicationDate {
                text
              }
            }
            ... on Meeting {
              location {
                text
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

/** Only how the query was understood: the typo notice and the words the facets should count. */
export const SearchModeQuery = graphql(`
  query SearchMode($query: String!, $types: [SearchType!]) {
    search(query: $query, types: $types, first: 1) {
      matchMode
      correctedQuery
    }
  }
`);

export const FacetCountsFragment = graphql(`
  fragment FacetCountsItem on FacetCounts {
    themes {
      count
      theme {
        id
        name
      }
    }
    years {
      count
      year
    }
    districts {
      count
      district {
        id
        name
      }
    }
    kinds {
      count
      kind
    }
    publishers {
      count
      organization {
        id
        name
        shortName
      }
    }
  }
`);

export const BriefFacetsQuery = graphql(
  `
    query BriefFacets($search: String, $filter: BriefFilter) {
      briefFacets(search: $search, filter: $filter) {
        ...FacetCountsItem
      }
    }
  `,
  [FacetCountsFragment],
);

export const LessonFacetsQuery = graphql(
  `
    query LessonFacets($search: String, $filter: LessonFilter) {
      lessonFacets(search: $search, filter: $filter) {
        ...FacetCountsItem
      }
    }
  `,
  [FacetCountsFragment],
);

export const NarrowedBriefsQuery = graphql(
  `
    query NarrowedBriefs($search: String, $filter: BriefFilter, $first: Int, $after: String) {
      briefs(search: $search, filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RecordLink
          summary
          kind: briefKind
          publicationDate {
            text
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const NarrowedLessonsQuery = graphql(
  `
    query NarrowedLessons($search: String, $filter: LessonFilter, $first: Int, $after: String) {
      lessons(search: $search, filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RecordLink
        }
      }
    }
  `,
  [RecordLinkFragment],
);

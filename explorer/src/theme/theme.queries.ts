import { graphql } from '../graphql';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const ThemePageQuery = graphql(
  `
    query ThemePage($slug: String!) {
      theme(slug: $slug) {
        id
        slug
        name
        description
        parent {
          ...RecordLink
        }
        children {
          ...RecordLink
        }
        source {
          ...Provenance
        }
      }
    }
  `,
  [RecordLinkFragment, ProvenanceFragment],
);

/** Apart from the page's facts: counting a large theme's records year by year takes a while (about 0.4 s at 100,000 lessons). */
export const ThemeTimelineQuery = graphql(`
  query ThemeTimeline($slug: String!) {
    theme(slug: $slug) {
      id
      timeline {
        firstAppearance
        lastAppearance
        undatedBriefs
        undatedLessons
        years {
          year
          briefs
          meetings
          lessons
        }
      }
    }
  }
`);

/** A year of a theme's timeline: the same counting as the timeline (sub-themes included). */
export const ThemeYearQuery = graphql(
  `
    query ThemeYear($slug: String!, $themeId: ID!, $from: LocalDate!, $to: LocalDate!) {
      theme(slug: $slug) {
        id
        briefs(includeSubthemes: true, filter: { published: { from: $from, to: $to } }, first: 20) {
          totalCount
          nodes {
            ...RecordLink
            publicationDate {
              text
            }
            lessons(first: 10, filter: { themes: { anyOf: [$themeId], includeSubthemes: true } }) {
              totalCount
              nodes {
                ...RecordLink
              }
            }
          }
        }
        meetings(includeSubthemes: true, filter: { dates: { from: $from, to: $to } }, first: 20) {
          totalCount
          nodes {
            ...RecordLink
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const ThemeBriefsQuery = graphql(
  `
    query ThemeBriefs($slug: String!, $first: Int, $after: String) {
      theme(slug: $slug) {
        id
        # No totalCount, as for lessons below: the timeline gives the counts.
        briefs(includeSubthemes: true, first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...RecordLink
            publicationDate {
              text
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const ThemeLessonsQuery = graphql(
  `
    query ThemeLessons($slug: String!, $first: Int, $after: String) {
      theme(slug: $slug) {
        id
        # No totalCount: a large theme has tens of thousands of lessons (the timeline gives the counts).
        lessons(includeSubthemes: true, first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...RecordLink
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const ThemeListQuery = graphql(
  `
    query ThemeList {
      themes(first: 100, filter: { rootsOnly: true }) {
        totalCount
        nodes {
          ...RecordLink
          description
          children {
            ...RecordLink
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

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
      parent { ...RecordLink }
      children { ...RecordLink }
      timeline {
        firstAppearance
        lastAppearance
        undatedBriefs
        undatedLessons
        years { year briefs meetings lessons }
      }
      source { ...Provenance }
    }
  }
`,
  [RecordLinkFragment, ProvenanceFragment],
);

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
          publicationDate { text }
          lessons(first: 10, filter: { themes: { anyOf: [$themeId], includeSubthemes: true } }) {
            totalCount
            nodes { ...RecordLink }
          }
        }
      }
      meetings(includeSubthemes: true, filter: { dates: { from: $from, to: $to } }, first: 20) {
        totalCount
        nodes { ...RecordLink }
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
      briefs(includeSubthemes: true, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...RecordLink publicationDate { text } }
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
      lessons(includeSubthemes: true, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...RecordLink }
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
        children { ...RecordLink }
      }
    }
  }
`,
  [RecordLinkFragment],
);

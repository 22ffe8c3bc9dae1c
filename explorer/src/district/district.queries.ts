import { graphql } from '../graphql';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const DistrictPageQuery = graphql(
  `
    query DistrictPage($slug: String!) {
      district(slug: $slug) {
        id
        slug
        name
        state
        kind: districtKind
        networks {
          ...RecordLink
        }
        meetings(first: 20) {
          totalCount
          nodes {
            ...RecordLink
          }
        }
        source {
          ...Provenance
        }
      }
    }
  `,
  [RecordLinkFragment, ProvenanceFragment],
);

export const DistrictBriefsQuery = graphql(
  `
    query DistrictBriefs($slug: String!, $first: Int, $after: String) {
      district(slug: $slug) {
        id
        briefs(first: $first, after: $after) {
          totalCount
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

export const DistrictLessonsQuery = graphql(
  `
    query DistrictLessons($slug: String!, $first: Int, $after: String) {
      district(slug: $slug) {
        id
        lessons(first: $first, after: $after) {
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
    }
  `,
  [RecordLinkFragment],
);

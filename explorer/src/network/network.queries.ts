import { graphql } from '../graphql';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const NetworkPageQuery = graphql(
  `
    query NetworkPage($slug: String!) {
      districtNetwork(slug: $slug) {
        id
        slug
        name
        kind: networkKind
        description
        coordinator {
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

export const NetworkMembersQuery = graphql(
  `
    query NetworkMembers($slug: String!, $first: Int, $after: String) {
      districtNetwork(slug: $slug) {
        id
        members(first: $first, after: $after) {
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

export const NetworkBriefsQuery = graphql(
  `
    query NetworkBriefs($slug: String!, $first: Int, $after: String) {
      districtNetwork(slug: $slug) {
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

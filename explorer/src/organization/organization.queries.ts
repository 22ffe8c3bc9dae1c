import { graphql } from '../graphql';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const OrganizationPageQuery = graphql(
  `
    query OrganizationPage($slug: String!) {
      organization(slug: $slug) {
        id
        slug
        name
        shortName
        kind: organizationKind
        description
        websiteUrl
        housedBy {
          ...RecordLink
        }
        houses {
          ...RecordLink
        }
        coordinatedNetworks {
          ...RecordLink
        }
        convenedMeetings(first: 20, orderBy: NUMBER_DESC) {
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

export const OrganizationBriefsQuery = graphql(
  `
    query OrganizationBriefs($slug: String!, $first: Int, $after: String) {
      organization(slug: $slug) {
        id
        publishedBriefs(first: $first, after: $after) {
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

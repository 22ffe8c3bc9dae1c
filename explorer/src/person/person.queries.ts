import { graphql } from '../graphql';
import { IdentifierFragment } from '../publication/identifier.fragments';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const PersonPageQuery = graphql(
  `
    query PersonPage($slug: String!) {
      person(slug: $slug) {
        id
        slug
        name
        sortName
        orcid
        identifiers {
          ...IdentifierItem
        }
        affiliations {
          id
          startYear
          endYear
          organization {
            ...RecordLink
          }
        }
        source {
          ...Provenance
        }
      }
    }
  `,
  [RecordLinkFragment, IdentifierFragment, ProvenanceFragment],
);

export const PersonBriefsQuery = graphql(
  `
    query PersonBriefs($slug: String!, $first: Int, $after: String) {
      person(slug: $slug) {
        id
        briefs(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...RecordLink
            kind: briefKind
            publicationDate {
              text
            }
            publisher {
              id
              name
            }
            contributors {
              id
              role: contributorRole
              person {
                id
                slug
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

/** People credited in bylines, by sort name; with `organizations`, those affiliated with any of them. */
export const PersonListQuery = graphql(
  `
    query PersonList($first: Int, $after: String, $organizations: [ID!]) {
      people(first: $first, after: $after, filter: { organizations: $organizations }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RecordLink
          sortName
          affiliations {
            id
            startYear
            endYear
            organization {
              id
              name
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

import { graphql } from '../graphql';
import { LessonLinkFragment } from '../lesson/lesson-link.fragments';
import { IdentifierFragment } from '../publication/identifier.fragments';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const RelationReasonFragment = graphql(`
  fragment RelationReasonItem on RelationReason {
    kind
    linkKind
    direction
    weight
    theme {
      id
      name
    }
    district {
      id
      name
    }
    network {
      id
      name
    }
  }
`);

export const BriefPageQuery = graphql(
  `
    query BriefPage($slug: String!) {
      brief(slug: $slug) {
        id
        slug
        title
        kind: briefKind
        status
        summary
        editorialNote
        url
        publicationDate {
          text
        }
        contributors {
          id
          role: contributorRole
          name
          person {
            ...RecordLink
          }
          organization {
            ...RecordLink
          }
        }
        identifiers {
          ...IdentifierItem
        }
        files {
          id
          kind
          title
          url
          mediaType
          sizeInKilobytes
          language
        }
        publisher {
          ...RecordLink
        }
        followsUpMeeting {
          ...RecordLink
        }
        themes {
          ...RecordLink
        }
        districts {
          ...RecordLink
        }
        networks {
          ...RecordLink
        }
        buildsOn(first: 10) {
          totalCount
          nodes {
            ...RecordLink
          }
        }
        builtOnBy(first: 10) {
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
  [RecordLinkFragment, ProvenanceFragment, IdentifierFragment],
);

/** Apart from the page's facts: ranking related briefs takes longest (about 0.5 s at 100,000 lessons). */
export const RelatedBriefsQuery = graphql(
  `
    query RelatedBriefs($slug: String!) {
      brief(slug: $slug) {
        id
        relatedBriefs(first: 5) {
          edges {
            score
            reasons {
              ...RelationReasonItem
            }
            node {
              ...RecordLink
              publicationDate {
                text
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment, RelationReasonFragment],
);

export const BriefLessonsQuery = graphql(
  `
    query BriefLessons($slug: String!, $first: Int, $after: String) {
      brief(slug: $slug) {
        id
        lessons(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            position
            statement
            explanation
            themes {
              ...RecordLink
            }
            links(first: 10) {
              totalCount
              nodes {
                ...LessonLinkItem
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment, LessonLinkFragment],
);

export const BriefListQuery = graphql(
  `
    query BriefList($first: Int, $after: String, $orderBy: BriefOrder!) {
      briefs(first: $first, after: $after, orderBy: $orderBy) {
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
            shortName
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

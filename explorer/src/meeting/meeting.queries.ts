import { graphql } from '../graphql';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const MeetingPageQuery = graphql(
  `
    query MeetingPage($number: Int!) {
      meeting(number: $number) {
        id
        number
        title
        dateRange
        startsOn
        description
        editorialNote
        location {
          text
        }
        convener {
          ...RecordLink
        }
        themes {
          ...RecordLink
        }
        districts {
          ...RecordLink
        }
        agendaTopics {
          id
          position
          title
        }
        materials {
          id
          position
          kind: materialKind
          title
          fileFormat
          sizeText
          url
          contents
        }
        source {
          ...Provenance
        }
      }
    }
  `,
  [RecordLinkFragment, ProvenanceFragment],
);

export const MeetingFollowUpsQuery = graphql(
  `
    query MeetingFollowUps($number: Int!, $first: Int, $after: String) {
      meeting(number: $number) {
        id
        followUpBriefs(first: $first, after: $after) {
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
            lessons(first: 10) {
              totalCount
              nodes {
                ...RecordLink
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

export const MeetingListQuery = graphql(
  `
    query MeetingList($first: Int, $after: String, $orderBy: MeetingOrder!) {
      meetings(first: $first, after: $after, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RecordLink
          location {
            text
          }
          materials {
            id
          }
          convener {
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

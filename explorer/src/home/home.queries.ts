import { graphql } from '../graphql';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const HomeQuery = graphql(
  `
    query Home {
      briefs(first: 5, orderBy: PUBLISHED_AT_DESC) {
        totalCount
        nodes {
          ...RecordLink
          publicationDate {
            text
          }
        }
      }
      lessons(first: 1) {
        totalCount
      }
      meetings(first: 3, orderBy: NUMBER_DESC) {
        totalCount
        nodes {
          ...RecordLink
        }
      }
      themes(first: 30, filter: { rootsOnly: true }) {
        totalCount
        nodes {
          ...RecordLink
        }
      }
    }
  `,
  [RecordLinkFragment],
);

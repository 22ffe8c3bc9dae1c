import { graphql } from '../graphql';
import { RecordLinkFragment } from '../shared/record-link.fragments';

export const PathEndsQuery = graphql(
  `
    query PathEnds($ids: [ID!]!) {
      nodes(ids: $ids) {
        ...RecordLink
      }
    }
  `,
  [RecordLinkFragment],
);

export const RecordConnectionQuery = graphql(
  `
    query RecordConnection($from: ID!, $to: ID!) {
      connection(from: $from, to: $to, maxHops: 4) {
        hops
        steps {
          relation
          linkKind
          from {
            ...RecordLink
          }
          to {
            ...RecordLink
          }
        }
      }
    }
  `,
  [RecordLinkFragment],
);

/** The rationale of a link step: the links of one lesson, of the step's kind. */
export const StepLinksQuery = graphql(`
  query StepLinks($lesson: ID!, $kind: LessonLinkKind!) {
    node(id: $lesson) {
      __typename
      id
      ... on Lesson {
        links(first: 50, filter: { kinds: [$kind] }) {
          nodes {
            id
            rationale
            from {
              id
            }
            to {
              id
            }
          }
        }
      }
    }
  }
`);

import { graphql } from '../graphql';
import { RelationReasonFragment } from '../brief/brief.queries';
import { ProvenanceFragment } from '../shared/provenance.fragments';
import { RecordLinkFragment } from '../shared/record-link.fragments';
import { LessonLinkFragment } from './lesson-link.fragments';

export const LessonPageQuery = graphql(
  `
    query LessonPage($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Lesson {
          statement
          explanation
          basis
          locator
          reportLessonNumber
          position
          brief {
            ...RecordLink
            publicationDate {
              text
            }
            declaredLessonCount
            lessons(first: 0) {
              totalCount
            }
          }
          themes {
            ...RecordLink
          }
          districts {
            ...RecordLink
          }
          links(first: 20) {
            totalCount
            nodes {
              ...LessonLinkItem
            }
          }
          source {
            ...Provenance
          }
        }
      }
    }
  `,
  [RecordLinkFragment, ProvenanceFragment, LessonLinkFragment],
);

/** Apart from the page's facts, as for briefs: ranking is the slow part. */
export const RelatedLessonsQuery = graphql(
  `
    query RelatedLessons($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Lesson {
          relatedLessons(first: 6) {
            edges {
              score
              reasons {
                ...RelationReasonItem
              }
              node {
                ...RecordLink
              }
            }
          }
        }
      }
    }
  `,
  [RecordLinkFragment, RelationReasonFragment],
);

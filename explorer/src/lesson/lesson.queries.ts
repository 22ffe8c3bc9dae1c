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
        position
        brief { ...RecordLink publicationDate { text } lessons(first: 0) { totalCount } }
        themes { ...RecordLink }
        districts { ...RecordLink }
        links(first: 20) { totalCount nodes { ...LessonLinkItem } }
        relatedLessons(first: 6) {
          edges { score reasons { ...RelationReasonItem } node { ...RecordLink } }
        }
        source { ...Provenance }
      }
    }
  }
`,
  [RecordLinkFragment, ProvenanceFragment, LessonLinkFragment, RelationReasonFragment],
);

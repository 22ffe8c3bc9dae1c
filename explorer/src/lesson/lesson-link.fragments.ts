import { graphql } from '../graphql';
import { RecordLinkFragment } from '../shared/record-link.fragments';

/** A typed link between two lessons, with the editors' rationale and its provenance. */
export const LessonLinkFragment = graphql(
  `
    fragment LessonLinkItem on LessonLink {
      id
      kind: linkKind
      basis
      rationale
      explanation
      from {
        ...RecordLink
      }
      to {
        ...RecordLink
      }
      source {
        id
        title
        kind: documentKind
      }
    }
  `,
  [RecordLinkFragment],
);

/** What a record's provenance shows: its source document. */
import { graphql } from '../graphql';

export const ProvenanceFragment = graphql(`
  fragment Provenance on SourceDocument {
    id
    title
    kind: documentKind
    url
    description
    fileName
  }
`);

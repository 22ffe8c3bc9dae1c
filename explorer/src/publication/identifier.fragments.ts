/** A persistent identifier as the explorer shows it: its scheme, its value, and where it resolves. */
import { graphql } from '../graphql';

export const IdentifierFragment = graphql(`
  fragment IdentifierItem on Identifier {
    scheme
    value
    url
  }
`);

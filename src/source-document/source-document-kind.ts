/** What kind of document a record was drawn from: a GraphQL enum and a PostgreSQL enum (source_document_kind). */
import { registerEnumType } from 'type-graphql';

export enum SourceDocumentKind {
  WEB_PAGE = 'WEB_PAGE',
  PUBLIC_RECORD = 'PUBLIC_RECORD',
  EDITORIAL_ANALYSIS = 'EDITORIAL_ANALYSIS',
}
registerEnumType(SourceDocumentKind, {
  name: 'SourceDocumentKind',
  description: 'What kind of document a record was drawn from.',
  valuesConfig: {
    WEB_PAGE: { description: 'A published web page describing publications or meetings.' },
    PUBLIC_RECORD: { description: 'A well-established public fact added by editors, such as the member districts of a network.' },
    EDITORIAL_ANALYSIS: { description: "Briefgraph editors' own reading across sources, such as links between lessons." },
  },
});

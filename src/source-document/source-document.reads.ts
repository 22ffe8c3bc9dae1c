/** How source documents are read, and the `source` field every sourced record type shares. */
import { defineReads, expression, toOne } from '../read/record-reads';
import { defineRootReads, rootList } from '../read/root-reads';
import { SourceDocument } from './source-document.entity';

export const sourceDocumentReads = defineReads({
  typeName: 'SourceDocument',
  entity: SourceDocument,
  table: 'source_document',
  fields: { documentKind: expression((row) => `${row}.kind`) },
});

/** The document a sourced record was drawn from (its provenance). */
export const sourcedFields = { source: toOne(() => sourceDocumentReads, 'source_id') };

defineRootReads({
  sourceDocuments: rootList(
    () => sourceDocumentReads,
    (alias) => `${alias}.slug`,
  ),
});

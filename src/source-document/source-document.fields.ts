/** A source document's one-column fields, declared once: the entity and the seed format are derived from them. */
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields, slugField } from '../shared/record-fields/field-declaration';
import { SourceDocumentKind } from './source-document-kind';

export const sourceDocumentFields = declareFields({
  slug: slugField(),
  title: { kind: 'text', required: true, maxLength: 500, description: "The document's title." },
  kind: {
    kind: 'enum',
    enum: SourceDocumentKind,
    enumName: 'source_document_kind',
    required: true,
    description: 'What kind of document this is.',
    objectField: { deprecationReason: kindDeprecation('documentKind') },
  },
  fileName: { kind: 'text', maxLength: 200, description: 'File name of the archived copy, where there is one.' },
  url: { kind: 'url', description: 'Web address of the original, where known.' },
  description: { kind: 'text', maxLength: 10_000, description: 'What the document is, in a sentence or two.' },
});

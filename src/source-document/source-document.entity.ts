/** A document that seeded records were drawn from: their provenance. */
import { Field, ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { Node, StoredRecord } from '../shared/node';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { SourceDocumentKind } from './source-document-kind';
import { sourceDocumentFields } from './source-document.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { SourceDocumentKind };

@ObjectType({ implements: Node, description: 'A source document: where a record in the knowledge base came from.' })
@Entity({ name: 'source_document' })
@EntityFields(sourceDocumentFields)
export class SourceDocument extends entityBase(StoredRecord, sourceDocumentFields) {
  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => SourceDocumentKind, { description: 'What kind of document this is.' })
  get documentKind(): SourceDocumentKind {
    return this.kind;
  }
}

/** A document that seeded records were drawn from: their provenance. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Node, StoredRecord } from '../shared/node';
import { kindDeprecation } from '../shared/kind-fields';

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

@ObjectType({ implements: Node, description: 'A source document: where a record in the knowledge base came from.' })
@Entity({ name: 'source_document' })
export class SourceDocument extends StoredRecord {
  @Field({ description: 'Human key, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: "The document's title." })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => SourceDocumentKind, { description: 'What kind of document this is.', deprecationReason: kindDeprecation('documentKind') })
  @Column({ type: 'enum', enum: SourceDocumentKind, enumName: 'source_document_kind' })
  kind!: SourceDocumentKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => SourceDocumentKind, { description: 'What kind of document this is.' })
  get documentKind(): SourceDocumentKind {
    return this.kind;
  }

  @Field(() => String, { nullable: true, description: 'File name of the archived copy, where there is one.' })
  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName!: string | null;

  @Field(() => String, { nullable: true, description: 'Web address of the original, where known.' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'What the document is, in a sentence or two.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;
}

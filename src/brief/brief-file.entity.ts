/** A document or page of a brief's own: the report, a summary, an appendix, its landing page. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import type { Brief } from './brief.entity';

export enum BriefFileKind {
  FULL_TEXT = 'FULL_TEXT',
  SUMMARY = 'SUMMARY',
  APPENDIX = 'APPENDIX',
  LANDING_PAGE = 'LANDING_PAGE',
  OTHER = 'OTHER',
}
registerEnumType(BriefFileKind, {
  name: 'BriefFileKind',
  description: 'The part a document plays for a brief.',
  valuesConfig: {
    FULL_TEXT: { description: 'The publication itself, such as the report PDF.' },
    SUMMARY: { description: 'A shorter summary published with it.' },
    APPENDIX: { description: 'An appendix or technical supplement.' },
    LANDING_PAGE: { description: "The publisher's web page for the publication." },
    OTHER: { description: 'Any other document.' },
  },
});

@ObjectType({ implements: Node, description: "A document or page of a brief's own, with where to get it." })
@Entity({ name: 'brief_file' })
@Index(['briefKey', 'position'], { unique: true })
@Check('brief_file_position_is_positive', 'position > 0')
@Check('brief_file_size_is_positive', 'size_kilobytes IS NULL OR size_kilobytes > 0')
@Check('brief_file_url_is_http', "url ~ '^https?://'")
export class BriefFile extends SourcedRecord {
  @Column({ name: 'brief_id', type: 'int' })
  briefKey!: number;

  @ManyToOne('Brief', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brief_id' })
  brief?: Brief;

  @Field(() => Int, { description: "Order among the brief's files, from 1." })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => BriefFileKind, { description: 'What the file is: the full text, a landing page, a summary, …' })
  @Column({ type: 'enum', enum: BriefFileKind, enumName: 'brief_file_kind' })
  kind!: BriefFileKind;

  @Field({ description: 'What the document is called.' })
  @Column({ type: 'text' })
  title!: string;

  // Nullable in the schema only: `url` is nullable on other Node types (Brief, MeetingMaterial), and one
  // field name must have one type across a Node selection (tests/schema-consistency.test.ts).
  @Field(() => String, { nullable: true, description: 'Where the document is published (http or https), as a source gives it; always set for a file.' })
  @Column({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Media type, such as application/pdf or text/html, where known.' })
  @Column({ name: 'media_type', type: 'text', nullable: true })
  mediaType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Size in kilobytes, as published, where known.' })
  @Column({
    name: 'size_kilobytes',
    type: 'numeric',
    precision: 10,
    scale: 1,
    nullable: true,
    transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) },
  })
  sizeInKilobytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Language of the document (a BCP 47 tag such as en), where known.' })
  @Column({ type: 'text', nullable: true })
  language!: string | null;
}

/** A document handed out for a meeting: its summary, logistics, briefing book, cover letter and so on. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node, StoredRecord } from '../shared/node';
import type { Meeting } from './meeting.entity';
import { kindDeprecation } from '../shared/kind-fields';

export enum MeetingMaterialKind {
  SUMMARY = 'SUMMARY',
  LOGISTICS = 'LOGISTICS',
  AGENDA = 'AGENDA',
  BRIEFING_BOOK = 'BRIEFING_BOOK',
  COVER_LETTER = 'COVER_LETTER',
  SUPPLEMENTAL_MATERIALS = 'SUPPLEMENTAL_MATERIALS',
  PRESENTATION = 'PRESENTATION',
  OTHER = 'OTHER',
}
registerEnumType(MeetingMaterialKind, {
  name: 'MeetingMaterialKind',
  description: 'The role a document plays for a meeting.',
  valuesConfig: {
    AGENDA: { description: 'The agenda.' },
    BRIEFING_BOOK: { description: 'The briefing book of readings for participants.' },
    COVER_LETTER: { description: 'The letter sent with the materials.' },
    LOGISTICS: { description: 'Travel and practical information.' },
    OTHER: { description: 'Any other document.' },
    PRESENTATION: { description: 'Slides or a talk given at the meeting.' },
    SUMMARY: { description: 'A summary of the meeting.' },
    SUPPLEMENTAL_MATERIALS: { description: 'Further readings and handouts.' },
  },
});

@ObjectType({ implements: Node, description: 'A document prepared for a meeting.' })
@Entity({ name: 'meeting_material' })
@Index(['meetingKey', 'position'], { unique: true })
@Check('meeting_material_size_is_positive', 'size_kilobytes IS NULL OR size_kilobytes > 0')
@Check('meeting_material_position_is_positive', 'position > 0')
export class MeetingMaterial extends StoredRecord {
  @Column({ name: 'meeting_id', type: 'int' })
  meetingKey!: number;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Field(() => Int, { description: 'Order among the meeting materials, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => MeetingMaterialKind, { description: 'The role the document plays for the meeting.', deprecationReason: kindDeprecation('materialKind') })
  @Column({ type: 'enum', enum: MeetingMaterialKind, enumName: 'meeting_material_kind' })
  kind!: MeetingMaterialKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => MeetingMaterialKind, { description: 'The role the document plays for the meeting.' })
  get materialKind(): MeetingMaterialKind {
    return this.kind;
  }

  @Field({ description: "The document's title." })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'File format, such as PDF, where known.' })
  @Column({ name: 'file_format', type: 'text', nullable: true })
  fileFormat!: string | null;

  @Field(() => Float, { nullable: true, description: 'File size in kilobytes, as published, where known.' })
  @Column({
    name: 'size_kilobytes',
    type: 'numeric',
    precision: 10,
    scale: 1,
    nullable: true,
    transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) },
  })
  sizeInKilobytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Where the document is published, where a source gives it; null otherwise (never guessed).' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => [String], { description: "What the material contains, in order, as a source lists it (a briefing book's sections); empty when no source says." })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contents!: string[];
}

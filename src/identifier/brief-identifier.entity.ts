/** A persistent identifier of a brief (DOI, ERIC number, ISBN, Handle, URL): unique per scheme across all briefs. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Brief } from '../brief/brief.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { IdentifierScheme } from './identifier-schemes';

@ObjectType({ implements: Node, description: 'A persistent identifier of a brief, with the source that gives it.' })
@Entity({ name: 'brief_identifier' })
@Index(['briefKey', 'position'], { unique: true })
@Index(['scheme', 'value'], { unique: true })
@Check('brief_identifier_position_is_positive', 'position > 0')
export class BriefIdentifier extends SourcedRecord {
  @Column({ name: 'brief_id', type: 'int' })
  briefKey!: number;

  @ManyToOne('Brief', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brief_id' })
  brief?: Brief;

  @Field(() => Int, { description: "Order among the brief's identifiers, from 1." })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => IdentifierScheme)
  @Column({ type: 'enum', enum: IdentifierScheme, enumName: 'identifier_scheme' })
  scheme!: IdentifierScheme;

  @Field({ description: 'The identifier in its stored form (DOIs in lower case, ISBNs without hyphens).' })
  @Column({ type: 'text' })
  value!: string;
}

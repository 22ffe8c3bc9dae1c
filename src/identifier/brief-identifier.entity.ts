/**
 * A persistent identifier of a brief (DOI, ERIC number, ISBN, Handle, URL): unique per scheme across all briefs.
 * Stored only (the API shows identifiers as `Identifier` values, src/identifier/identifier.ts).
 */
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Brief } from '../brief/brief.entity';
import { SourcedRecord } from '../shared/sourced-record';
import { IdentifierScheme } from './identifier-schemes';

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

  /** Order among the brief's identifiers, from 1. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'enum', enum: IdentifierScheme, enumName: 'identifier_scheme' })
  scheme!: IdentifierScheme;

  /** The stored form (identifier-schemes.ts). */
  @Column({ type: 'text' })
  value!: string;
}

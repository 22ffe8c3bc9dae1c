/** A stored record that says which source document it was drawn from. */
import { ObjectType } from 'type-graphql';
import { Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { SourceDocument } from '../source-document/source-document.entity';
import { StoredRecord } from './node';

/** An object type (never in the schema itself: nothing returns it), so the fields of `StoredRecord` reach the types below it. */
@ObjectType()
export abstract class SourcedRecord extends StoredRecord {
  @Index()
  @Column({ name: 'source_id', type: 'int', nullable: true })
  sourceKey!: number | null;

  @ManyToOne('SourceDocument', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceDocument | null;
}

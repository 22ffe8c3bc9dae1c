/** A person who wrote, edited or contributed to briefs: a record of their own, so a byline links to everything they wrote. */
import { ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { personFields } from './person.fields';

@ObjectType({ implements: Node, description: 'A person who authored, edited or contributed to briefs.' })
@Entity({ name: 'person' })
@EntityFields(personFields)
@Index('person_sort_name_order', ['sortName', 'key'])
@Index('person_name_words', { synchronize: false }) // name words for autocomplete, created by migration AddPublications
@Index('person_name_words_prefix', { synchronize: false }) // folded name prefixes for autocomplete, created by migration AddPublications
@Index('person_search', { synchronize: false }) // GIN on search_document, created by migration AddPublications
@Index('person_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
export class Person extends entityBase(SourcedRecord, personFields) {
  /** Weighted full-text document, kept by a trigger (migration AddPublications); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

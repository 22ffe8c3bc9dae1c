/** A school district or other local education agency, county offices included. */
import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { DistrictKind } from './district-kind';
import { districtFields } from './district.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { DistrictKind };

@ObjectType({ implements: Node, description: 'A school district or other local education agency.' })
@Entity({ name: 'district' })
@EntityFields(districtFields)
@Index('district_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('district_name_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('district_name_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('district_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('district_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('district_state_is_a_code', `state ~ '^[A-Z]{2}$'`)
export class District extends entityBase(SourcedRecord, districtFields) {
  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => DistrictKind, { description: 'What sort of local education agency the district is.' })
  get districtKind(): DistrictKind {
    return this.kind;
  }

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

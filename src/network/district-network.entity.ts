/** A network or partnership of districts, such as a consortium or a two-district learning partnership. */
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Organization } from '../organization/organization.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { DistrictNetworkKind } from './district-network-kind';
import { districtNetworkFields } from './district-network.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { DistrictNetworkKind };

@ObjectType({ implements: Node, description: 'A network or partnership that districts belong to.' })
@Entity({ name: 'district_network' })
@EntityFields(districtNetworkFields)
@Index('district_network_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('district_network_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Index('district_network_name_words', { synchronize: false }) // name words for autocomplete, created by migration AddNetworkSearch
@Index('district_network_name_words_prefix', { synchronize: false }) // folded name prefixes for autocomplete, created by migration AddNetworkSearch
@Index('district_network_search', { synchronize: false }) // GIN on search_document, created by migration AddNetworkSearch
export class DistrictNetwork extends entityBase(SourcedRecord, districtNetworkFields) {
  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => DistrictNetworkKind, { description: 'How the districts of the network work together.' })
  get networkKind(): DistrictNetworkKind {
    return this.kind;
  }

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coordinator_id' })
  coordinator?: Organization | null;

  // Its members are DistrictNetworkMembership rows (district_network_member), dated and sourced.

  /** Weighted full-text document, kept by a trigger (migration AddNetworkSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

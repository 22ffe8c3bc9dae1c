/** A network or partnership of districts, such as a consortium or a two-district learning partnership. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Organization } from '../organization/organization.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { kindDeprecation } from '../shared/kind-fields';

export enum DistrictNetworkKind {
  CONSORTIUM = 'CONSORTIUM',
  LEARNING_PARTNERSHIP = 'LEARNING_PARTNERSHIP',
  IMPROVEMENT_NETWORK = 'IMPROVEMENT_NETWORK',
  DATA_COLLABORATIVE = 'DATA_COLLABORATIVE',
}
registerEnumType(DistrictNetworkKind, {
  name: 'DistrictNetworkKind',
  description: 'How the districts of a network work together.',
  valuesConfig: {
    CONSORTIUM: { description: 'Districts joined in a formal consortium.' },
    DATA_COLLABORATIVE: { description: 'Districts sharing and studying their data together.' },
    IMPROVEMENT_NETWORK: { description: 'Districts working on a shared improvement aim.' },
    LEARNING_PARTNERSHIP: { description: 'Districts learning from one another.' },
  },
});

@ObjectType({ implements: Node, description: 'A network or partnership that districts belong to.' })
@Entity({ name: 'district_network' })
@Index('district_network_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('district_network_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Index('district_network_name_words', { synchronize: false }) // name words for autocomplete, created by migration AddNetworkSearch
@Index('district_network_name_words_prefix', { synchronize: false }) // folded name prefixes for autocomplete, created by migration AddNetworkSearch
@Index('district_network_search', { synchronize: false }) // GIN on search_document, created by migration AddNetworkSearch
export class DistrictNetwork extends SourcedRecord {
  @Field({ description: 'Human key, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: "The network's name." })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => DistrictNetworkKind, { description: 'How the districts of the network work together.', deprecationReason: kindDeprecation('networkKind') })
  @Index()
  @Column({ type: 'enum', enum: DistrictNetworkKind, enumName: 'district_network_kind' })
  kind!: DistrictNetworkKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => DistrictNetworkKind, { description: 'How the districts of the network work together.' })
  get networkKind(): DistrictNetworkKind {
    return this.kind;
  }

  @Field(() => String, { nullable: true, description: 'What the network is and does.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'Other names and acronyms its sources use for it ("CIC"); searchable like its name.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Index()
  @Column({ name: 'coordinator_id', type: 'int', nullable: true })
  coordinatorKey!: number | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coordinator_id' })
  coordinator?: Organization | null;

  // Its members are DistrictNetworkMembership rows (district_network_member), dated and sourced.

  /** Weighted full-text document, kept by a trigger (migration AddNetworkSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

/** A network or partnership of districts, such as a consortium or a two-district learning partnership. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import type { District } from '../district/district.entity';
import type { Organization } from '../organization/organization.entity';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';

export enum DistrictNetworkKind {
  CONSORTIUM = 'CONSORTIUM',
  LEARNING_PARTNERSHIP = 'LEARNING_PARTNERSHIP',
  IMPROVEMENT_NETWORK = 'IMPROVEMENT_NETWORK',
  DATA_COLLABORATIVE = 'DATA_COLLABORATIVE',
}
registerEnumType(DistrictNetworkKind, { name: 'DistrictNetworkKind', description: 'How the districts of a network work together.' });

@ObjectType({ implements: Node, description: 'A network or partnership that districts belong to.' })
@Entity({ name: 'district_network' })
@Index('district_network_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('district_network_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
export class DistrictNetwork extends SourcedRecord {
  @Field({ description: 'Human key, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => DistrictNetworkKind)
  @Index()
  @Column({ type: 'enum', enum: DistrictNetworkKind, enumName: 'district_network_kind' })
  kind!: DistrictNetworkKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Index()
  @Column({ name: 'coordinator_id', type: 'int', nullable: true })
  coordinatorKey!: number | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coordinator_id' })
  coordinator?: Organization | null;

  @ManyToMany('District', { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'district_network_member',
    // Created by the initial migration; later changes (such as the parent-first indexes) are hand-written.
    synchronize: false,
    joinColumn: { name: 'network_id', referencedColumnName: 'key' },
    inverseJoinColumn: { name: 'district_id', referencedColumnName: 'key' },
  })
  members?: District[];
}

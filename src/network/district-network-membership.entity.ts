/**
 * A district's membership of a network, with when it began and ended as far as a source dates them, and that source:
 * districts join and leave networks, so one undated list of members would say more than any source does.
 */
import { ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { District } from '../district/district.entity';
import type { SourceDocument } from '../source-document/source-document.entity';
import { DatePrecision } from '../shared/date-precision';
import type { DistrictNetwork } from './district-network.entity';

@ObjectType({
  description:
    "A district's membership of a network: when it began and ended, as far as a source dates them, and that source. " +
    'A value with no id: it is the pair of its district and network, both records of their own.',
})
@Entity({ name: 'district_network_member' })
@Check('district_network_member_joined_on_has_precision', '(joined_on IS NULL) = (joined_on_precision IS NULL)')
@Check('district_network_member_left_on_has_precision', '(left_on IS NULL) = (left_on_precision IS NULL)')
// Dates are stored as the first day of their year or month, so a year left may hold a month joined: compare by year at least.
@Check('district_network_member_leaves_after_joining', "left_on IS NULL OR joined_on IS NULL OR left_on >= date_trunc('year', joined_on)::date")
export class DistrictNetworkMembership {
  @PrimaryColumn({ name: 'network_id', type: 'int' })
  @Index()
  networkKey!: number;

  @ManyToOne('DistrictNetwork', { nullable: false, onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: DistrictNetwork;

  @PrimaryColumn({ name: 'district_id', type: 'int' })
  @Index()
  districtKey!: number;

  @ManyToOne('District', { nullable: false, onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  /** The first day the membership can have begun (of its month or year when only those are known); null when no source dates it. */
  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn!: string | null;

  @Column({ name: 'joined_on_precision', type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  joinedOnPrecision!: DatePrecision | null;

  /** When the membership ended, stored as `joinedOn` is; null while it lasts or when no source says it ended. */
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ name: 'left_on_precision', type: 'enum', enum: DatePrecision, enumName: 'date_precision', nullable: true })
  leftOnPrecision!: DatePrecision | null;

  @Index()
  @Column({ name: 'source_id', type: 'int', nullable: true })
  sourceKey!: number | null;

  @ManyToOne('SourceDocument', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceDocument | null;
}

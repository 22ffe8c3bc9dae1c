/** Where a person worked, and when: an organization over a span of years, as a source states it. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Organization } from '../organization/organization.entity';
import { Node, StoredRecord } from '../shared/node';
import type { Person } from './person.entity';

@ObjectType({ implements: Node, description: "A person's affiliation with an organization over a span of years, as a source states it." })
@Entity({ name: 'person_affiliation' })
@Index(['personKey', 'position'], { unique: true })
@Check('person_affiliation_position_is_positive', 'position > 0')
@Check('person_affiliation_years_in_order', 'start_year IS NULL OR end_year IS NULL OR start_year <= end_year')
export class PersonAffiliation extends StoredRecord {
  @Column({ name: 'person_id', type: 'int' })
  personKey!: number;

  @ManyToOne('Person', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Field(() => Int, { description: "Order among the person's affiliations, from 1." })
  @Column({ type: 'int' })
  position!: number;

  @Index()
  @Column({ name: 'organization_id', type: 'int' })
  organizationKey!: number;

  @ManyToOne('Organization', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => Int, { nullable: true, description: 'The first year the affiliation is known to hold; null when not stated.' })
  @Column({ name: 'start_year', type: 'int', nullable: true })
  startYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'The last year the affiliation is known to hold; null when it is not stated or still holds.' })
  @Column({ name: 'end_year', type: 'int', nullable: true })
  endYear!: number | null;
}

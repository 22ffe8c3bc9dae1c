/** One name in a brief's byline, in order: a person or an organization, with the part they played. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Organization } from '../organization/organization.entity';
import type { Person } from '../person/person.entity';
import { Node, StoredRecord } from '../shared/node';
import type { Brief } from './brief.entity';

export enum ContributorRole {
  AUTHOR = 'AUTHOR',
  EDITOR = 'EDITOR',
  CONTRIBUTOR = 'CONTRIBUTOR',
}
registerEnumType(ContributorRole, {
  name: 'ContributorRole',
  description: 'The part a person or organization played in a brief.',
  valuesConfig: {
    AUTHOR: { description: 'Wrote the brief; cited as its author.' },
    EDITOR: { description: 'Edited the brief.' },
    CONTRIBUTOR: { description: 'Contributed to the brief in another way.' },
  },
});

@ObjectType({ implements: Node, description: "A name in a brief's byline: a person or an organization, in order, with its role." })
@Entity({ name: 'brief_contributor' })
@Index(['briefKey', 'position'], { unique: true })
@Index('brief_contributor_person_once', ['briefKey', 'personKey'], { unique: true })
@Index('brief_contributor_organization_once', ['briefKey', 'organizationKey'], { unique: true })
@Check('brief_contributor_position_is_positive', 'position > 0')
@Check('brief_contributor_is_person_or_organization', '(person_id IS NULL) <> (organization_id IS NULL)')
export class BriefContributor extends StoredRecord {
  @Column({ name: 'brief_id', type: 'int' })
  briefKey!: number;

  @ManyToOne('Brief', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brief_id' })
  brief?: Brief;

  @Field(() => Int, { description: 'Place in the byline, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'enum', enum: ContributorRole, enumName: 'contributor_role' })
  role!: ContributorRole;

  /** The role under a name of its own: `role` is an API key's ApiKeyRole, and one name has one type on a Node selection. */
  @Field(() => ContributorRole, { description: 'The part played: author, editor or other contributor.' })
  get contributorRole(): ContributorRole {
    return this.role;
  }

  @Index()
  @Column({ name: 'person_id', type: 'int', nullable: true })
  personKey!: number | null;

  @ManyToOne('Person', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person | null;

  @Index()
  @Column({ name: 'organization_id', type: 'int', nullable: true })
  organizationKey!: number | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization | null;
}

/** A publisher or convener: a research collaborative, a policy centre, a district network, an agency. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { kindDeprecation } from '../shared/kind-fields';

export enum OrganizationKind {
  RESEARCH_COLLABORATIVE = 'RESEARCH_COLLABORATIVE',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  UNIVERSITY_POLICY_CENTER = 'UNIVERSITY_POLICY_CENTER',
  DISTRICT_NETWORK = 'DISTRICT_NETWORK',
  STATE_AGENCY = 'STATE_AGENCY',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What sort of body an organization is.',
  valuesConfig: {
    RESEARCH_COLLABORATIVE: { description: 'Researchers and practitioners working together.' },
    RESEARCH_INSTITUTE: { description: 'An independent research institute.' },
    UNIVERSITY_POLICY_CENTER: { description: 'A policy research center at a university.' },
    DISTRICT_NETWORK: { description: 'An organization run by a network of districts.' },
    STATE_AGENCY: { description: 'A state education agency.' },
    OTHER: { description: 'Any other body.' },
  },
});

@ObjectType({ implements: Node, description: 'An organization that publishes briefs or convenes meetings.' })
@Entity({ name: 'organization' })
@Index('organization_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('organization_name_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('organization_name_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('organization_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('organization_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
export class Organization extends SourcedRecord {
  @Field({ description: 'Human key, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: "The organization's name." })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The short name or acronym the organization goes by.' })
  @Column({ type: 'text', name: 'short_name', nullable: true })
  shortName!: string | null;

  @Field(() => OrganizationKind, { description: 'What sort of body the organization is.', deprecationReason: kindDeprecation('organizationKind') })
  @Index()
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => OrganizationKind, { description: 'What sort of body the organization is.' })
  get organizationKind(): OrganizationKind {
    return this.kind;
  }

  @Field(() => String, { nullable: true, description: "The organization's website." })
  @Column({ type: 'text', name: 'website_url', nullable: true })
  websiteUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization is and does.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Index()
  @Column({ name: 'housed_by_id', type: 'int', nullable: true })
  housedByKey!: number | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'housed_by_id' })
  housedBy?: Organization | null;

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

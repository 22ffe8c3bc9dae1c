/** A publisher or convener: a research collaborative, a policy centre, a district network, an agency. */
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { OrganizationKind } from './organization-kind';
import { organizationFields } from './organization.fields';

// Where the kind was declared before it had a file of its own; other modules import it from here.
export { OrganizationKind };

@ObjectType({ implements: Node, description: 'An organization that publishes briefs or convenes meetings.' })
@Entity({ name: 'organization' })
@EntityFields(organizationFields)
@Index('organization_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('organization_name_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('organization_name_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('organization_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('organization_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
export class Organization extends entityBase(SourcedRecord, organizationFields) {
  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => OrganizationKind, { description: 'What sort of body the organization is.' })
  get organizationKind(): OrganizationKind {
    return this.kind;
  }

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'housed_by_id' })
  housedBy?: Organization | null;

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

/** A person who wrote, edited or contributed to briefs: a record of their own, so a byline links to everything they wrote. */
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';

@ObjectType({ implements: Node, description: 'A person who authored, edited or contributed to briefs.' })
@Entity({ name: 'person' })
@Index('person_sort_name_order', ['sortName', 'key'])
@Index('person_name_words', { synchronize: false }) // name words for autocomplete, created by migration AddPublications
@Index('person_name_words_prefix', { synchronize: false }) // folded name prefixes for autocomplete, created by migration AddPublications
@Index('person_search', { synchronize: false }) // GIN on search_document, created by migration AddPublications
@Index('person_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
export class Person extends SourcedRecord {
  @Field({ description: 'Human key used in URLs, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: 'The name as the person is credited, such as "H. Alix Gallagher".' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'The name as sorted in a bibliography, family name first ("Gallagher, H. Alix").' })
  @Column({ name: 'sort_name', type: 'text' })
  sortName!: string;

  @Field(() => String, { nullable: true, description: "The person's ORCID iD (0000-0000-0000-000X), where a public record gives it; null otherwise." })
  @Index({ unique: true, where: 'orcid IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  orcid!: string | null;

  /** Weighted full-text document, kept by a trigger (migration AddPublications); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

/** A topic that lessons, briefs and meetings are about; themes form a hierarchy. */
import { ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { entityBase, EntityFields } from '../shared/record-fields/entity-fields';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { themeFields } from './theme.fields';

@ObjectType({ implements: Node, description: 'A topic such as continuous improvement or school turnaround.' })
@Entity({ name: 'theme' })
@EntityFields(themeFields)
@Index('theme_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('theme_name_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('theme_name_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('theme_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('theme_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
export class Theme extends entityBase(SourcedRecord, themeFields) {
  @ManyToOne('Theme', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Theme | null;

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

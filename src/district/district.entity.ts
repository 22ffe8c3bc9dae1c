/** A school district or other local education agency, county offices included. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { Node } from '../shared/node';
import { SourcedRecord } from '../shared/sourced-record';
import { kindDeprecation } from '../shared/kind-fields';

export enum DistrictKind {
  SCHOOL_DISTRICT = 'SCHOOL_DISTRICT',
  COUNTY_OFFICE_OF_EDUCATION = 'COUNTY_OFFICE_OF_EDUCATION',
  OTHER_LOCAL_EDUCATION_AGENCY = 'OTHER_LOCAL_EDUCATION_AGENCY',
}
registerEnumType(DistrictKind, {
  name: 'DistrictKind',
  description: 'What sort of local education agency a district is.',
  valuesConfig: {
    SCHOOL_DISTRICT: { description: 'A school district.' },
    COUNTY_OFFICE_OF_EDUCATION: { description: 'A county office of education.' },
    OTHER_LOCAL_EDUCATION_AGENCY: { description: 'Another local education agency, such as a charter management organization.' },
  },
});

@ObjectType({ implements: Node, description: 'A school district or other local education agency.' })
@Entity({ name: 'district' })
@Index('district_updated_order', { synchronize: false }) // (updated_at, id) for updatedSince and UPDATED_AT orderings, created by migration AddUpdatedAtOrder
@Index('district_name_words', { synchronize: false }) // title words for autocomplete, created by migration AddSearchTerms
@Index('district_name_words_prefix', { synchronize: false }) // folded title prefixes for autocomplete, created by migration AddSearchTerms
@Index('district_search', { synchronize: false }) // GIN on search_document, created by migration AddSearch
@Index('district_name_order', { synchronize: false }) // keyset ordering index, created by migration AddListOrderIndexes
@Check('district_state_is_a_code', `state ~ '^[A-Z]{2}$'`)
export class District extends SourcedRecord {
  @Field({ description: 'Human key, unique.' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field({ description: "The district's name." })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Two-letter postal code of the state, such as CA.' })
  @Index()
  @Column({ type: 'char', length: 2 })
  state!: string;

  @Field(() => DistrictKind, { description: 'What sort of local education agency the district is.', deprecationReason: kindDeprecation('districtKind') })
  @Index()
  @Column({ type: 'enum', enum: DistrictKind, enumName: 'district_kind' })
  kind!: DistrictKind;

  /** The kind under a name of its own, read from the `kind` column (shared/kind-fields.ts says why). */
  @Field(() => DistrictKind, { description: 'What sort of local education agency the district is.' })
  get districtKind(): DistrictKind {
    return this.kind;
  }

  /** Weighted full-text document, kept by a trigger (migration AddSearch); never read or written by the application. */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
}

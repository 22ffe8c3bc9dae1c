/** Inputs of the person mutations: the declared fields (person.fields.ts) and the affiliations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { personFields } from './person.fields';

@InputType({ description: "A person's affiliation with an organization, over the years a source states." })
export class PersonAffiliationInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => Int, { nullable: true, description: 'The first year the affiliation is known to hold.' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(9999)
  startYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'The last year the affiliation is known to hold; not before startYear.' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(9999)
  endYear?: number | null;
}

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field. `affiliations` replaces the list.' })
@UpdateInputFields(personFields)
export class PersonUpdateInput extends updateInputBase(personFields) {
  @Field(() => [PersonAffiliationInput], { nullable: true, description: 'Affiliations in order; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  affiliations?: PersonAffiliationInput[];
}

@InputType({ description: 'A new person.' })
@CreateInputFields(personFields)
export class PersonCreateInput extends createInputBase(PersonUpdateInput, personFields) {}

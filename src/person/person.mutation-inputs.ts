/** Inputs of the person mutations, validated declaratively (class-validator). */
import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsNotBlank, IsOrcid, IsSlug } from '../mutation/validation';

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
export class PersonUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: 'The name as credited.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'The name as sorted in a bibliography, family name first ("Gallagher, H. Alix").' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  sortName?: string;

  @Field(() => String, { nullable: true, description: 'ORCID iD, 0000-0000-0000-000X; unique; only where a public record gives it.' })
  @IsOptional()
  @IsOrcid()
  orcid?: string | null;

  @Field(() => [PersonAffiliationInput], { nullable: true, description: 'Affiliations in order; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  affiliations?: PersonAffiliationInput[];
}

@InputType({ description: 'A new person.' })
export class PersonCreateInput extends PersonUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field({ description: 'The name as credited.' })
  override name!: string;

  @Field({ description: 'The name as sorted in a bibliography, family name first.' })
  override sortName!: string;
}

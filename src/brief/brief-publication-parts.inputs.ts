/** Inputs for a brief's byline, files and identifiers, validated declaratively (class-validator). */
import { IsOptional, IsPositive, Max, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { IdentifierScheme } from '../identifier/identifier-schemes';
import { IsNotBlank, IsWebAddress } from '../mutation/validation';
import { ContributorRole } from './brief-contributor.entity';
import { BriefFileKind } from './brief-file.entity';

@InputType({ description: 'A name in the byline: exactly one of personId or organizationId, with a role.' })
export class BriefContributorInput {
  @Field(() => ID, { nullable: true, description: 'The person, for a personal name.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization, for a group author.' })
  organizationId?: string | null;

  @Field(() => ContributorRole, { description: 'The part played.' })
  role!: ContributorRole;
}

@InputType({ description: "A document or page of the brief's own." })
export class BriefFileInput {
  @Field(() => BriefFileKind, { description: 'The part the document plays.' })
  kind!: BriefFileKind;

  @Field({ description: 'What the document is called.' })
  @IsNotBlank()
  @MaxLength(500)
  title!: string;

  @Field({ description: 'Where it is published: an http or https URL, as a source gives it.' })
  @IsWebAddress()
  url!: string;

  @Field(() => String, { nullable: true, description: 'Media type, such as application/pdf.' })
  @IsOptional()
  @MaxLength(100)
  mediaType?: string | null;

  @Field(() => Float, { nullable: true, description: 'Size in kilobytes, as published.' })
  @IsOptional()
  @IsPositive()
  @Max(100_000_000)
  sizeInKilobytes?: number | null;

  @Field(() => String, { nullable: true, description: 'Language, a BCP 47 tag such as en.' })
  @IsOptional()
  @MaxLength(35)
  language?: string | null;
}

@InputType({ description: 'A persistent identifier of the brief.' })
export class BriefIdentifierInput {
  @Field(() => IdentifierScheme, { description: 'DOI, ERIC, ISBN, HANDLE or URL (ORCID names people, not briefs).' })
  scheme!: IdentifierScheme;

  @Field({ description: 'The identifier; stored in its one form (DOIs in lower case, ISBNs without hyphens).' })
  @MaxLength(2000)
  value!: string;
}

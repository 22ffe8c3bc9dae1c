/** Inputs of the organization mutations, validated declaratively (class-validator). */
import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNotBlank, IsSlug, IsWebAddress } from '../mutation/validation';
import { OrganizationKind } from './organization.entity';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
export class OrganizationUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: "The organization's name." })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'The short name or acronym it goes by.' })
  @IsOptional()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'What sort of body it is.' })
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: "The organization's website." })
  @IsOptional()
  @IsWebAddress()
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization is and does.' })
  @IsOptional()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that houses this one.' })
  housedById?: string | null;
}

@InputType({ description: 'A new organization.' })
export class OrganizationCreateInput extends OrganizationUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field({ description: "The organization's name." })
  override name!: string;

  @Field(() => OrganizationKind, { description: 'What sort of body it is.' })
  override kind!: OrganizationKind;
}

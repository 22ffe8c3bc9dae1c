/** Inputs of the district mutations, validated declaratively (class-validator). */
import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsNotBlank, IsSlug, IsStateCode } from '../mutation/validation';
import { DistrictKind } from './district.entity';

@InputType({ description: 'Fields to change; those left out stay as they are.' })
export class DistrictUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: "The district's name." })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Two-letter US state code, such as CA.' })
  @IsOptional()
  @IsStateCode()
  state?: string;

  @Field(() => DistrictKind, { nullable: true, description: 'What sort of local education agency it is.' })
  kind?: DistrictKind;
}

@InputType({ description: 'A new school district.' })
export class DistrictCreateInput extends DistrictUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field({ description: "The district's name." })
  override name!: string;

  @Field({ description: 'Two-letter US state code, such as CA.' })
  override state!: string;

  @Field(() => DistrictKind, { description: 'What sort of local education agency it is.' })
  override kind!: DistrictKind;
}

/** Inputs of the theme mutations, validated declaratively (class-validator). */
import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNotBlank, IsSlug } from '../mutation/validation';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
export class ThemeUpdateInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by hyphens; unique.' })
  @IsOptional()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: "The theme's name." })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'What the theme covers.' })
  @IsOptional()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The broader theme this one belongs to.' })
  parentId?: string | null;
}

@InputType({ description: 'A new theme.' })
export class ThemeCreateInput extends ThemeUpdateInput {
  @Field({ description: 'Lower-case words joined by hyphens; unique.' })
  override slug!: string;

  @Field({ description: "The theme's name." })
  override name!: string;
}

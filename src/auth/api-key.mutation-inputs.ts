import { MaxLength, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ApiKeyRole } from './api-key.entity';

@InputType({ description: 'A new API key.' })
export class ApiKeyCreateInput {
  @Field({ description: 'Unique; says who or what will use the key, such as "newsroom-importer".' })
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, { message: 'name must start with a letter or digit and hold only letters, digits, spaces, ".", "_" or "-"' })
  name!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;
}

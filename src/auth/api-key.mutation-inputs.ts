import { Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ApiKeyRole } from './api-key.entity';
import { apiKeyNamePattern } from './api-key.service';

@InputType({ description: 'A new API key.' })
export class ApiKeyCreateInput {
  @Field({ description: 'Unique; says who or what will use the key, such as "newsroom-importer".' })
  @Matches(apiKeyNamePattern, { message: 'name must start with a letter or digit and hold up to 100 letters, digits, spaces, ".", "_" or "-"' })
  name!: string;

  @Field(() => ApiKeyRole, { description: 'What the key may do.' })
  role!: ApiKeyRole;
}

import { ArrayMaxSize, ArrayNotEmpty, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsNotBlank } from '../mutation/validation';

@InputType({ description: 'One file of the seed format (YAML or JSON), by name.' })
export class ImportDocumentInput {
  @Field({ description: 'Shown in problems, such as "briefs.yaml".' })
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @Field({ description: "The file's text." })
  content!: string;
}

@InputType({ description: 'Seed-format documents to import together, in one transaction.' })
export class KnowledgeBaseImportInput {
  @Field(() => [ImportDocumentInput], { description: 'The seed-format documents, imported together.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  documents!: ImportDocumentInput[];

  @Field({ defaultValue: false, description: 'Validate and count what would change, then write nothing.' })
  dryRun!: boolean;
}

/** `knowledgeBaseImport`: the bulk import for admins' tools that cannot run `npm run import`. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, Info, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { mutationCall, runMutation } from '../mutation/mutation-runner';
import { UserError, userError } from '../mutation/user-error';
import { validateInput } from '../mutation/validation';
import { formatSeedProblem, readSeedDocumentsForImport, SeedValidationError, type SeedProblem } from '../seed/seed-reader';
import { collectionNames } from '../seed/seed-schema';
import type { SeedSummary } from '../seed/seed-writer';
import { importInTransaction } from './import';
import { KnowledgeBaseImportInput } from './import.mutation-inputs';

@ObjectType({ description: "What an import did (or, in a dry run, would do) to one collection. A value with no id: part of one import's answer." })
class ImportCount {
  @Field({ description: 'The collection, as named in the seed format: organizations, briefs, lessonLinks…' })
  collection!: string;

  @Field(() => Int, { description: 'Records that were (or would be) created.' })
  created!: number;

  @Field(() => Int, { description: 'Records that were (or would be) changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records already as the documents have them.' })
  unchanged!: number;
}

@ObjectType({ description: 'What an import answers: what it did (or would do) to each collection, and every problem with the documents.' })
class KnowledgeBaseImportPayload {
  @Field(() => [ImportCount], { nullable: true, description: 'Per collection; null when the documents had problems.' })
  counts!: ImportCount[] | null;

  @Field({ description: 'True when nothing was written because the input asked for a dry run.' })
  dryRun!: boolean;

  @Field(() => [UserError], { description: 'Every problem found in the documents, each naming document, line, record and field; nothing was written.' })
  userErrors!: UserError[];
}

function countsOf(summary: SeedSummary): ImportCount[] {
  return collectionNames.map((collection) => ({ collection, ...summary[collection] }));
}

@Resolver()
export class ImportResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Mutation(() => KnowledgeBaseImportPayload, {
    description: 'Validates seed-format documents and, unless a dry run, upserts every record in one transaction (by slug or number).',
  })
  async knowledgeBaseImport(
    @Arg('input', () => KnowledgeBaseImportInput, { description: 'The documents to import, and whether only to check them (a dry run).' })
    input: KnowledgeBaseImportInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<KnowledgeBaseImportPayload> {
    const result = await runMutation(context, mutationCall(info, { input }), async (transaction) => {
      const invalid = await validateInput(input);
      if (invalid.length > 0) return { record: null, userErrors: invalid };
      const indexOf = new Map(input.documents.map((document, index) => [document.name, index]));
      const asUserErrors = (problems: SeedProblem[]) =>
        problems.map((problem) => userError(['input', 'documents', indexOf.get(problem.file) ?? 0, 'content'], formatSeedProblem(problem)));
      let read;
      try {
        read = readSeedDocumentsForImport(input.documents);
      } catch (error) {
        if (!(error instanceof SeedValidationError)) throw error;
        return { record: null, userErrors: asUserErrors(error.problems) };
      }
      const outcome = await importInTransaction(transaction.manager, read, { dryRun: input.dryRun });
      if (outcome.problems) return { record: null, userErrors: asUserErrors(outcome.problems) };
      const { summary } = outcome;
      if (!input.dryRun) transaction.recordChange({ recordType: 'KnowledgeBase', recordKey: null, before: null, after: { summary } });
      return { record: null, userErrors: [], values: { summary } };
    });
    const summary = result.values?.summary as SeedSummary | undefined;
    return { counts: summary ? countsOf(summary) : null, dryRun: input.dryRun, userErrors: result.userErrors };
  }
}

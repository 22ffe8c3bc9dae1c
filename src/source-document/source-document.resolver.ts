/** Provenance: the list of source documents (each sourced type's `source` field is declared in sourceFieldResolver). */
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import type { SourcedRecord } from '../shared/sourced-record';
import { SourceDocument } from './source-document.entity';

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => [SourceDocument], { description: 'Every source document the knowledge base was drawn from.' })
  sourceDocuments(@Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }
}

/** Builds the resolver that adds `source` to one sourced object type (compiled from sourcedFields in source-document.reads.ts). */
export function sourceFieldResolver(objectType: ClassType<SourcedRecord>): ClassType {
  @Resolver(() => objectType)
  class SourceFieldResolver {
    @FieldResolver(() => SourceDocument, { nullable: true, description: 'The document this record was drawn from (its provenance).' })
    source(@Root() record: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
      return compiledValue(record, info, context);
    }
  }
  Object.defineProperty(SourceFieldResolver, 'name', { value: `${objectType.name}SourceResolver` });
  return SourceFieldResolver;
}

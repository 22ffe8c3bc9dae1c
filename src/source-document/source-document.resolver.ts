/** Provenance: the `source` field of every sourced type, and the list of source documents. */
import { Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import type { SourcedRecord } from '../shared/sourced-record';
import { SourceDocument } from './source-document.entity';
import { sourceDocumentByKey } from './source-document.loaders';

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => [SourceDocument], { description: 'Every source document the knowledge base was drawn from.' })
  sourceDocuments(@Ctx() context: RequestContext): Promise<SourceDocument[]> {
    return context.dataSource.getRepository(SourceDocument).find({ order: { slug: 'ASC' } });
  }
}

/** Builds the resolver that adds `source` to one sourced object type. */
export function sourceFieldResolver(objectType: ClassType<SourcedRecord>): ClassType {
  @Resolver(() => objectType)
  class SourceFieldResolver {
    @FieldResolver(() => SourceDocument, { nullable: true, description: 'The document this record was drawn from (its provenance).' })
    source(@Root() record: SourcedRecord, @Ctx() context: RequestContext): Promise<SourceDocument | null> | null {
      return record.sourceKey === null ? null : sourceDocumentByKey(context).load(record.sourceKey);
    }
  }
  Object.defineProperty(SourceFieldResolver, 'name', { value: `${objectType.name}SourceResolver` });
  return SourceFieldResolver;
}

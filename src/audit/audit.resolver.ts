/** `auditLog`: every write, newest first, for admins (compiled by the read engine from audit.reads.ts). */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { AuditEntry } from './audit-entry.entity';
import { AuditListArguments } from './audit.inputs';
import { auditListing } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Directive(neverCache)
  @Query(() => auditListing.Connection, { description: 'Every write to the knowledge base: who, what, when, before and after. Admins only.' })
  auditLog(@Args() _args: AuditListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The global ID of the record written (it may since have been deleted).' })
  recordId(@Root() entry: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(entry, info, context);
  }
}

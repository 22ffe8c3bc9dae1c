/** `auditLog`: every write, newest first, for admins. */
import { Args, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { neverCache } from '../caching/cache-control';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { encodeGlobalId } from '../shared/global-id';
import { AuditEntry } from './audit-entry.entity';
import { AuditListArguments } from './audit.inputs';
import { auditListing } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(ApiKeyRole.ADMIN)
  @Directive(neverCache)
  @Query(() => auditListing.Connection, { description: 'Every write to the knowledge base: who, what, when, before and after. Admins only.' })
  auditLog(@Args() args: AuditListArguments, @Ctx() context: RequestContext) {
    return auditListing.root(context, args);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The global ID of the record written (it may since have been deleted).' })
  recordId(@Root() entry: AuditEntry): string | null {
    return entry.recordKey === null ? null : encodeGlobalId(entry.recordType, entry.recordKey);
  }
}

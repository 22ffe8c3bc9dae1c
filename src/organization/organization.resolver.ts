/**
 * Organization's GraphQL fields. Relations and lists are compiled into the request's SQL by
 * the read engine from organization.reads.ts; each resolver returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { DistrictNetwork } from '../network/district-network.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { Organization } from './organization.entity';
import { OrganizationListArguments } from './organization.inputs';
import { organizationListing } from './organization.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => organizationListing.Connection, { description: 'Organizations, by name.' })
  organizations(@Args() _args: OrganizationListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Organization, { nullable: true, description: 'The organization with this slug, or null.' })
  organization(
    @Arg('slug', { description: "The organization's human key, as in its URL." }) _slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that houses and staffs this one.' })
  housedBy(@Root() organization: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(organization, info, context);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations this one houses, by name.' })
  houses(@Root() organization: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(organization, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs this organization published.' })
  publishedBriefs(@Root() organization: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(organization, info, context);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings this organization convened.' })
  convenedMeetings(
    @Root() organization: CompiledRecord,
    @Args() _args: MeetingListArguments,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return compiledValue(organization, info, context);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks this organization coordinates, by name.' })
  coordinatedNetworks(@Root() organization: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(organization, info, context);
  }

  @FieldResolver(() => JSONObjectResolver, { description: 'The organization as schema.org JSON-LD (an Organization).' })
  jsonLd(@Root() organization: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(organization, info, context);
  }
}

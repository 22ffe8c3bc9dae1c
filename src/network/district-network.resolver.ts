/**
 * DistrictNetwork's GraphQL fields. Relations and lists are compiled into the request's SQL
 * by the read engine from district-network.reads.ts; each resolver returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { PublicationDate } from '../brief/publication-date';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { DistrictListArguments } from '../district/district.inputs';
import { districtListing } from '../district/district.service';
import { Organization } from '../organization/organization.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { SourceDocument } from '../source-document/source-document.entity';
import { DistrictNetwork } from './district-network.entity';
import { DistrictNetworkListArguments } from './district-network.inputs';
import { DistrictNetworkMembership } from './district-network-membership.entity';
import { districtNetworkListing } from './district-network.service';

@Resolver(() => DistrictNetwork)
export class DistrictNetworkResolver {
  @Query(() => districtNetworkListing.Connection, { description: 'District networks and partnerships, by name.' })
  districtNetworks(@Args() _args: DistrictNetworkListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => DistrictNetwork, { nullable: true, description: 'The district network with this slug, or null.' })
  districtNetwork(
    @Arg('slug', { description: "The district network's human key, as in its URL." }) _slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that coordinates the network.' })
  coordinator(@Root() network: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(network, info, context);
  }

  @FieldResolver(() => districtListing.Connection, {
    description: 'Districts recorded as members at any time, former members included; `memberships` dates each membership.',
  })
  members(@Root() network: CompiledRecord, @Args() _args: DistrictListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(network, info, context);
  }

  @FieldResolver(() => [DistrictNetworkMembership], {
    description: "Its members' memberships, by district name: when each began and ended, as far as a source dates them, and that source.",
  })
  memberships(@Root() network: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(network, info, context);
  }

  @FieldResolver(() => briefListing.Connection, {
    description: 'Briefs that study this network, directly or through districts that were its members when the brief came out.',
  })
  briefs(@Root() network: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(network, info, context);
  }
}

@Resolver(() => DistrictNetworkMembership)
export class DistrictNetworkMembershipResolver {
  @FieldResolver(() => District, { description: 'The member district.' })
  district(@Root() membership: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(membership, info, context);
  }

  @FieldResolver(() => DistrictNetwork, { description: 'The network the district is or was a member of.' })
  network(@Root() membership: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(membership, info, context);
  }

  @FieldResolver(() => PublicationDate, {
    nullable: true,
    description: 'When the district joined, as precisely as the source dates it (often a year); null when no source says.',
  })
  joinedOn(@Root() membership: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(membership, info, context);
  }

  @FieldResolver(() => PublicationDate, {
    nullable: true,
    description: 'When the district left, as precisely as the source dates it; null while it is a member or when no source says it left.',
  })
  leftOn(@Root() membership: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(membership, info, context);
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The document the membership and its dates were drawn from (its provenance).' })
  source(@Root() membership: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(membership, info, context);
  }
}

/**
 * District's GraphQL fields. Relations and lists are compiled into the request's SQL by the
 * read engine from district.reads.ts; each resolver returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { NewestLessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { DistrictNetwork } from '../network/district-network.entity';
import { DistrictNetworkMembership } from '../network/district-network-membership.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { District } from './district.entity';
import { DistrictBriefArguments, DistrictListArguments } from './district.inputs';
import { districtListing } from './district.service';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => districtListing.Connection, { description: 'Districts, by name.' })
  districts(@Args() _args: DistrictListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => District, { nullable: true, description: 'The district with this slug, or null.' })
  district(
    @Arg('slug', { description: "The district's human key, as in its URL." }) _slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => [DistrictNetwork], {
    description: 'Networks and partnerships the district is recorded as a member of at any time, by name; `networkMemberships` dates each membership.',
  })
  networks(@Root() district: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(district, info, context);
  }

  @FieldResolver(() => [DistrictNetworkMembership], {
    description: "The district's memberships of networks, by network name: when each began and ended, as far as a source dates them, and that source.",
  })
  networkMemberships(@Root() district: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(district, info, context);
  }

  @FieldResolver(() => briefListing.Connection, {
    description: 'Briefs that study this district, directly or (an inference, see StudyRelation) through a network it belongs to; `studied` says which.',
  })
  briefs(@Root() district: CompiledRecord, @Args() _args: DistrictBriefArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(district, info, context);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'Lessons about this district.' })
  lessons(@Root() district: CompiledRecord, @Args() _args: NewestLessonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(district, info, context);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings about this district.' })
  meetings(@Root() district: CompiledRecord, @Args() _args: MeetingListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(district, info, context);
  }
}

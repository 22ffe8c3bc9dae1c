/**
 * Brief's GraphQL fields. Relations and lists are compiled into the request's SQL by the
 * read engine from brief.reads.ts; each resolver here returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { Meeting } from '../meeting/meeting.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { Organization } from '../organization/organization.entity';
import { compiledValue, readRootField } from '../read/resolvers';
import type { CompiledRecord } from '../read/compiler';
import { Theme } from '../theme/theme.entity';
import { Brief } from './brief.entity';
import { BriefListArguments } from './brief.inputs';
import { briefListing } from './brief.service';
import { PublicationDate } from './publication-date';

@Resolver(() => Brief)
export class BriefResolver {
  @Query(() => briefListing.Connection, { description: 'Briefs, filtered and ordered; newest first by default.' })
  briefs(@Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Brief, { nullable: true, description: 'The brief with this slug, or null.' })
  brief(@Arg('slug', { description: 'The brief\'s human key, as in its URL.' }) _slug: string, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @FieldResolver(() => PublicationDate, { nullable: true, description: 'When the brief was published, as precisely as known; null when unknown.' })
  publicationDate(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => Organization, { description: 'The organization that published the brief.' })
  publisher(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting this brief follows up, if any.' })
  followsUpMeeting(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'The lessons the brief draws, in order.' })
  lessons(@Root() brief: CompiledRecord, @Args() _args: LessonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the brief, by name.' })
  themes(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [District], { description: 'Districts the brief studies, by name.' })
  districts(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks the brief studies, by name.' })
  networks(@Root() brief: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Earlier briefs this one builds on.' })
  buildsOn(@Root() brief: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Later briefs that build on this one.' })
  builtOnBy(@Root() brief: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(brief, info, context);
  }
}

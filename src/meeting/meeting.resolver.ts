/**
 * The GraphQL fields of meetings, their materials and agenda topics. Relations, lists and
 * values computed from columns are compiled into the request's SQL by the read engine from
 * meeting.reads.ts; each resolver returns what was compiled for it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { Organization } from '../organization/organization.entity';
import type { CompiledRecord } from '../read/compiler';
import { compiledValue, readRootField } from '../read/resolvers';
import { LocalDate } from '../shared/scalars';
import { Theme } from '../theme/theme.entity';
import { AgendaTopic } from './agenda-topic.entity';
import { Location } from './location';
import { MeetingMaterial } from './meeting-material.entity';
import { Meeting } from './meeting.entity';
import { MeetingListArguments } from './meeting.inputs';
import { meetingListing } from './meeting.service';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => meetingListing.Connection, { description: 'Meetings, filtered and ordered; by number by default.' })
  meetings(@Args() _args: MeetingListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }

  @Query(() => Meeting, { nullable: true, description: 'The meeting with this number, or null.' })
  meeting(
    @Arg('number', () => Int, { description: "The meeting's number in its series." }) _number: number,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @FieldResolver(() => LocalDate, { description: 'First day of the meeting.' })
  startsOn(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => LocalDate, { description: 'Last day of the meeting.' })
  endsOn(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => String, { description: 'The dates as a reader would write them: "December 14–15, 2017".' })
  dateRange(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => Location, { description: 'Where the meeting was held.' })
  location(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => Organization, { description: 'The organization that convened the meeting.' })
  convener(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => [AgendaTopic], { description: 'Agenda topics in order.' })
  agendaTopics(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => [MeetingMaterial], { description: 'Meeting documents in published order.' })
  materials(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the meeting, by name.' })
  themes(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => [District], { description: 'Districts the meeting was about, by name.' })
  districts(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs produced as a follow-up to the meeting.' })
  followUpBriefs(@Root() meeting: CompiledRecord, @Args() _args: BriefListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => lessonListing.Connection, { description: "Lessons drawn in the meeting's follow-up briefs: what came out of the meeting." })
  followUpLessons(@Root() meeting: CompiledRecord, @Args() _args: LessonListArguments, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }

  @FieldResolver(() => JSONObjectResolver, { description: 'The meeting as schema.org JSON-LD: an Event with its place, dates and organizer.' })
  jsonLd(@Root() meeting: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(meeting, info, context);
  }
}

@Resolver(() => MeetingMaterial)
export class MeetingMaterialResolver {
  @FieldResolver(() => Meeting, { description: 'The meeting the document was prepared for.' })
  meeting(@Root() material: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(material, info, context);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Format and size as published, such as "PDF 182 KB".' })
  sizeText(@Root() material: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(material, info, context);
  }
}

@Resolver(() => AgendaTopic)
export class AgendaTopicResolver {
  @FieldResolver(() => Meeting, { description: 'The meeting whose agenda holds the topic.' })
  meeting(@Root() topic: CompiledRecord, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return compiledValue(topic, info, context);
  }
}

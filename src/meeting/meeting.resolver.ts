import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import { Organization } from '../organization/organization.entity';
import { organizationByKey } from '../organization/organization.loaders';
import { formatDateRange } from '../shared/calendar';
import { loadRelated } from '../shared/record-loaders';
import { LocalDate } from '../shared/scalars';
import { Theme } from '../theme/theme.entity';
import { themeByKey, themeKeysOf } from '../theme/theme.loaders';
import { AgendaTopic } from './agenda-topic.entity';
import { Location } from './location';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { Meeting } from './meeting.entity';
import { MeetingListArguments } from './meeting.inputs';
import { meetingListing } from './meeting.service';
import { agendaTopicsOfMeeting, materialsOfMeeting, meetingByKey } from './meeting.loaders';
import { MeetingMaterial } from './meeting-material.entity';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => meetingListing.Connection, { description: 'Meetings, filtered and ordered; by number by default.' })
  meetings(@Args() args: MeetingListArguments, @Ctx() context: RequestContext) {
    return meetingListing.root(context, args);
  }

  @Query(() => Meeting, { nullable: true, description: 'The meeting with this number, or null.' })
  meeting(@Arg('number', () => Int) number: number, @Ctx() context: RequestContext): Promise<Meeting | null> {
    return context.dataSource.getRepository(Meeting).findOneBy({ number });
  }

  @FieldResolver(() => LocalDate, { description: 'First day of the meeting.' })
  startsOn(@Root() meeting: Meeting): string {
    return meeting.startsOn;
  }

  @FieldResolver(() => LocalDate, { description: 'Last day of the meeting.' })
  endsOn(@Root() meeting: Meeting): string {
    return meeting.endsOn;
  }

  @FieldResolver(() => String, { description: 'The dates as a reader would write them: "December 14–15, 2017".' })
  dateRange(@Root() meeting: Meeting): string {
    return formatDateRange(meeting.startsOn, meeting.endsOn);
  }

  @FieldResolver(() => Location)
  location(@Root() meeting: Meeting): Location {
    return new Location(meeting.city, meeting.state);
  }

  @FieldResolver(() => Organization, { description: 'The organization that convened the meeting.' })
  async convener(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<Organization> {
    return (await organizationByKey(context).load(meeting.convenerKey))!;
  }

  @FieldResolver(() => [AgendaTopic], { description: 'Agenda topics in order.' })
  agendaTopics(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<AgendaTopic[]> {
    return agendaTopicsOfMeeting(context).load(meeting.key);
  }

  @FieldResolver(() => [MeetingMaterial], { description: 'Meeting documents in published order.' })
  materials(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<MeetingMaterial[]> {
    return materialsOfMeeting(context).load(meeting.key);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the meeting, by name.' })
  themes(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<Theme[]> {
    return loadRelated(themeKeysOf(context, 'meeting_theme', 'meeting_id'), themeByKey(context), meeting.key);
  }

  @FieldResolver(() => [District], { description: 'Districts the meeting was about, by name.' })
  districts(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<District[]> {
    return loadRelated(districtKeysOf(context, 'meeting_district', 'meeting_id'), districtByKey(context), meeting.key);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs produced as a follow-up to the meeting.' })
  followUpBriefs(@Root() meeting: Meeting, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(context, 'Meeting.followUpBriefs', { where: 'b.follows_up_meeting_id = p.owner' }, meeting.key, args);
  }
}

@Resolver(() => Meeting)
export class MeetingProvenanceResolver {
  @FieldResolver(() => lessonListing.Connection, { description: "Lessons drawn in the meeting's follow-up briefs: what came out of the meeting." })
  followUpLessons(@Root() meeting: Meeting, @Args() args: LessonListArguments, @Ctx() context: RequestContext) {
    return lessonListing.nested(context, 'Meeting.followUpLessons', { from: 'brief followed CROSS JOIN LATERAL (SELECT * FROM lesson WHERE brief_id = followed.id OFFSET 0) l', where: 'followed.follows_up_meeting_id = p.owner' }, meeting.key, args);
  }
}

@Resolver(() => MeetingMaterial)
export class MeetingMaterialResolver {
  @FieldResolver(() => Meeting)
  async meeting(@Root() material: MeetingMaterial, @Ctx() context: RequestContext): Promise<Meeting> {
    return (await meetingByKey(context).load(material.meetingKey))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Format and size as published, such as "PDF 182 KB".' })
  sizeText(@Root() material: MeetingMaterial): string | null {
    if (material.sizeInKilobytes === null) return null;
    return `${material.fileFormat ? material.fileFormat + ' ' : ''}${material.sizeInKilobytes} KB`;
  }
}

@Resolver(() => AgendaTopic)
export class AgendaTopicResolver {
  @FieldResolver(() => Meeting)
  async meeting(@Root() topic: AgendaTopic, @Ctx() context: RequestContext): Promise<Meeting> {
    return (await meetingByKey(context).load(topic.meetingKey))!;
  }
}

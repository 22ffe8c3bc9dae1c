import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { Meeting } from '../meeting/meeting.entity';
import { meetingByKey } from '../meeting/meeting.loaders';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey, networkKeysOfBrief } from '../network/district-network.loaders';
import { Organization } from '../organization/organization.entity';
import { organizationByKey } from '../organization/organization.loaders';
import { throughJoinTable } from '../shared/pagination/listing';
import { loadRelated } from '../shared/record-loaders';
import { Theme } from '../theme/theme.entity';
import { themeByKey, themeKeysOf } from '../theme/theme.loaders';
import { Brief } from './brief.entity';
import { BriefListArguments } from './brief.inputs';
import { briefListing } from './brief.service';
import { PublicationDate } from './publication-date';

@Resolver(() => Brief)
export class BriefResolver {
  @Query(() => briefListing.Connection, { description: 'Briefs, filtered and ordered; newest first by default.' })
  briefs(@Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.root(context, args);
  }

  @Query(() => Brief, { nullable: true, description: 'The brief with this slug, or null.' })
  brief(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<Brief | null> {
    return context.dataSource.getRepository(Brief).findOneBy({ slug });
  }

  @FieldResolver(() => PublicationDate, { nullable: true, description: 'When the brief was published, as precisely as known; null when unknown.' })
  publicationDate(@Root() brief: Brief): PublicationDate | null {
    return brief.publishedOn && brief.publicationDatePrecision ? new PublicationDate(brief.publishedOn, brief.publicationDatePrecision) : null;
  }

  @FieldResolver(() => Organization)
  async publisher(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Organization> {
    return (await organizationByKey(context).load(brief.publisherKey))!;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting this brief follows up, if any.' })
  followsUpMeeting(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Meeting | null> | null {
    return brief.followsUpMeetingKey === null ? null : meetingByKey(context).load(brief.followsUpMeetingKey);
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'The lessons the brief draws, in order.' })
  lessons(@Root() brief: Brief, @Args() args: LessonListArguments, @Ctx() context: RequestContext) {
    return lessonListing.nested(context, 'Brief.lessons', { where: 'l.brief_id = p.owner' }, brief.key, args);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the brief, by name.' })
  themes(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Theme[]> {
    return loadRelated(themeKeysOf(context, 'brief_theme', 'brief_id'), themeByKey(context), brief.key);
  }

  @FieldResolver(() => [District], { description: 'Districts the brief studies, by name.' })
  districts(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<District[]> {
    return loadRelated(districtKeysOf(context, 'brief_district', 'brief_id'), districtByKey(context), brief.key);
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'District networks the brief studies, by name.' })
  networks(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return loadRelated(networkKeysOfBrief(context), networkByKey(context), brief.key);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Earlier briefs this one builds on.' })
  buildsOn(@Root() brief: Brief, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(context, 'Brief.buildsOn', throughJoinTable('brief', 'b', 'brief_builds_on', 'brief_id', 'builds_on_brief_id'), brief.key, args);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Later briefs that build on this one.' })
  builtOnBy(@Root() brief: Brief, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(context, 'Brief.builtOnBy', throughJoinTable('brief', 'b', 'brief_builds_on', 'builds_on_brief_id', 'brief_id'), brief.key, args);
  }
}

import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey, districtKeysOf } from '../district/district.loaders';
import { Lesson } from '../lesson/lesson.entity';
import { lessonsOfBrief } from '../lesson/lesson.loaders';
import { Meeting } from '../meeting/meeting.entity';
import { meetingByKey } from '../meeting/meeting.loaders';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey, networkKeysOfBrief } from '../network/district-network.loaders';
import { Organization } from '../organization/organization.entity';
import { organizationByKey } from '../organization/organization.loaders';
import { loadRelated } from '../shared/record-loaders';
import { Theme } from '../theme/theme.entity';
import { themeByKey, themeKeysOf } from '../theme/theme.loaders';
import { Brief } from './brief.entity';
import { briefByKey, briefKeysBuildingOn, briefKeysBuiltOn } from './brief.loaders';
import { PublicationDate } from './publication-date';

@Resolver(() => Brief)
export class BriefResolver {
  @Query(() => [Brief], { description: 'Every brief, newest first.' })
  briefs(@Ctx() context: RequestContext): Promise<Brief[]> {
    return context.dataSource
      .getRepository(Brief)
      .find({ order: { publishedOn: { direction: 'DESC', nulls: 'LAST' }, title: 'ASC', key: 'ASC' } });
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

  @FieldResolver(() => [Lesson], { description: 'The lessons the brief draws, in order.' })
  lessons(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Lesson[]> {
    return lessonsOfBrief(context).load(brief.key);
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

  @FieldResolver(() => [Brief], { description: 'Earlier briefs this one builds on.' })
  buildsOn(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Brief[]> {
    return loadRelated(briefKeysBuiltOn(context), briefByKey(context), brief.key);
  }

  @FieldResolver(() => [Brief], { description: 'Later briefs that build on this one.' })
  builtOnBy(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Brief[]> {
    return loadRelated(briefKeysBuildingOn(context), briefByKey(context), brief.key);
  }
}

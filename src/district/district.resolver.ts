import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import { briefByKey, briefKeysConcerningDistrict } from '../brief/brief.loaders';
import type { RequestContext } from '../context';
import { Lesson } from '../lesson/lesson.entity';
import { lessonByKey, lessonKeysOfDistrict } from '../lesson/lesson.loaders';
import { Meeting } from '../meeting/meeting.entity';
import { meetingByKey, meetingKeysOfDistrict } from '../meeting/meeting.loaders';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey, networkKeysOfDistrict } from '../network/district-network.loaders';
import { loadRelated } from '../shared/record-loaders';
import { District } from './district.entity';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => [District], { description: 'Every district, by name.' })
  districts(@Ctx() context: RequestContext): Promise<District[]> {
    return context.dataSource.getRepository(District).find({ order: { name: 'ASC', key: 'ASC' } });
  }

  @Query(() => District, { nullable: true, description: 'The district with this slug, or null.' })
  district(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<District | null> {
    return context.dataSource.getRepository(District).findOneBy({ slug });
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'Networks and partnerships the district belongs to.' })
  networks(@Root() district: District, @Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return loadRelated(networkKeysOfDistrict(context), networkByKey(context), district.key);
  }

  @FieldResolver(() => [Brief], { description: 'Briefs that study this district, directly or through a network it belongs to; newest first.' })
  briefs(@Root() district: District, @Ctx() context: RequestContext): Promise<Brief[]> {
    return loadRelated(briefKeysConcerningDistrict(context), briefByKey(context), district.key);
  }

  @FieldResolver(() => [Lesson], { description: 'Lessons about this district.' })
  lessons(@Root() district: District, @Ctx() context: RequestContext): Promise<Lesson[]> {
    return loadRelated(lessonKeysOfDistrict(context), lessonByKey(context), district.key);
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings about this district.' })
  meetings(@Root() district: District, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return loadRelated(meetingKeysOfDistrict(context), meetingByKey(context), district.key);
  }
}

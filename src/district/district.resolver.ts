import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { NewestLessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey, networkKeysOfDistrict } from '../network/district-network.loaders';
import { throughJoinTable } from '../shared/pagination/listing';
import { loadRelated } from '../shared/record-loaders';
import { District } from './district.entity';
import { DistrictListArguments } from './district.inputs';
import { districtListing } from './district.service';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => districtListing.Connection, { description: 'Districts, by name.' })
  districts(@Args() args: DistrictListArguments, @Ctx() context: RequestContext) {
    return districtListing.root(context, args);
  }

  @Query(() => District, { nullable: true, description: 'The district with this slug, or null.' })
  district(@Arg('slug') slug: string, @Ctx() context: RequestContext): Promise<District | null> {
    return context.dataSource.getRepository(District).findOneBy({ slug });
  }

  @FieldResolver(() => [DistrictNetwork], { description: 'Networks and partnerships the district belongs to, by name.' })
  networks(@Root() district: District, @Ctx() context: RequestContext): Promise<DistrictNetwork[]> {
    return loadRelated(networkKeysOfDistrict(context), networkByKey(context), district.key);
  }

  @FieldResolver(() => briefListing.Connection, { description: 'Briefs that study this district, directly or through a network it belongs to.' })
  briefs(@Root() district: District, @Args() args: BriefListArguments, @Ctx() context: RequestContext) {
    return briefListing.nested(
      context,
      'District.briefs',
      {
        from: `(SELECT x.brief_id AS id FROM brief_district x WHERE x.district_id = p.owner
                UNION SELECT x.brief_id FROM brief_network x JOIN district_network_member m ON m.network_id = x.network_id WHERE m.district_id = p.owner) owned
               JOIN brief b ON b.id = owned.id`,
      },
      district.key,
      args,
    );
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'Lessons about this district.' })
  lessons(@Root() district: District, @Args() args: NewestLessonListArguments, @Ctx() context: RequestContext) {
    return lessonListing.nested(context, 'District.lessons', throughJoinTable('lesson', 'l', 'lesson_district', 'district_id', 'lesson_id'), district.key, args);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings about this district.' })
  meetings(@Root() district: District, @Args() args: MeetingListArguments, @Ctx() context: RequestContext) {
    return meetingListing.nested(context, 'District.meetings', throughJoinTable('meeting', 'm', 'meeting_district', 'district_id', 'meeting_id'), district.key, args);
  }
}

import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BriefListArguments } from '../brief/brief.inputs';
import { briefListing } from '../brief/brief.service';
import type { RequestContext } from '../context';
import { LessonListArguments } from '../lesson/lesson.inputs';
import { lessonListing } from '../lesson/lesson.service';
import { MeetingListArguments } from '../meeting/meeting.inputs';
import { meetingListing } from '../meeting/meeting.service';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey, networkKeysOfDistrict } from '../network/district-network.loaders';
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
      `(EXISTS (SELECT 1 FROM brief_district x WHERE x.brief_id = b.id AND x.district_id = p.owner)
        OR EXISTS (SELECT 1 FROM brief_network x JOIN district_network_member m ON m.network_id = x.network_id WHERE x.brief_id = b.id AND m.district_id = p.owner))`,
      district.key,
      args,
    );
  }

  @FieldResolver(() => lessonListing.Connection, { description: 'Lessons about this district.' })
  lessons(@Root() district: District, @Args() args: LessonListArguments, @Ctx() context: RequestContext) {
    return lessonListing.nested(context, 'District.lessons', 'EXISTS (SELECT 1 FROM lesson_district x WHERE x.lesson_id = l.id AND x.district_id = p.owner)', district.key, args);
  }

  @FieldResolver(() => meetingListing.Connection, { description: 'Meetings about this district.' })
  meetings(@Root() district: District, @Args() args: MeetingListArguments, @Ctx() context: RequestContext) {
    return meetingListing.nested(context, 'District.meetings', 'EXISTS (SELECT 1 FROM meeting_district x WHERE x.meeting_id = m.id AND x.district_id = p.owner)', district.key, args);
  }
}

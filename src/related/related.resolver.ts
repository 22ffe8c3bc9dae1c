/** Related lessons and briefs, and the shared records named by their reasons. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Brief } from '../brief/brief.entity';
import type { RequestContext } from '../context';
import { District } from '../district/district.entity';
import { districtByKey } from '../district/district.loaders';
import { Lesson } from '../lesson/lesson.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { networkByKey } from '../network/district-network.loaders';
import { Theme } from '../theme/theme.entity';
import { themeByKey } from '../theme/theme.loaders';
import { RelationReason, RelationReasonKind } from './relation-reason';
import { maximumRelated, relatedBriefs, relatedLessons } from './related.service';
import { RelatedBriefConnection, RelatedLessonConnection } from './related.types';

@Resolver(() => Lesson)
export class LessonRelatedResolver {
  @FieldResolver(() => RelatedLessonConnection, { description: `Lessons in other briefs related to this one, most related first, each with its score and reasons (at most ${maximumRelated}).` })
  relatedLessons(@Root() lesson: Lesson, @Arg('first', () => Int, { defaultValue: 5 }) first: number, @Ctx() context: RequestContext) {
    return relatedLessons(context, lesson.key, first);
  }
}

@Resolver(() => Brief)
export class BriefRelatedResolver {
  @FieldResolver(() => RelatedBriefConnection, { description: `Other briefs related to this one, most related first, each with its score and reasons (at most ${maximumRelated}).` })
  relatedBriefs(@Root() brief: Brief, @Arg('first', () => Int, { defaultValue: 5 }) first: number, @Ctx() context: RequestContext) {
    return relatedBriefs(context, brief.key, first);
  }
}

@Resolver(() => RelationReason)
export class RelationReasonResolver {
  @FieldResolver(() => Theme, { nullable: true, description: 'The shared theme, for SHARED_THEME.' })
  theme(@Root() reason: RelationReason, @Ctx() context: RequestContext) {
    return reason.kind === RelationReasonKind.SHARED_THEME && reason.sharedKey ? themeByKey(context).load(reason.sharedKey) : null;
  }

  @FieldResolver(() => District, { nullable: true, description: 'The shared district, for SHARED_DISTRICT.' })
  district(@Root() reason: RelationReason, @Ctx() context: RequestContext) {
    return reason.kind === RelationReasonKind.SHARED_DISTRICT && reason.sharedKey ? districtByKey(context).load(reason.sharedKey) : null;
  }

  @FieldResolver(() => DistrictNetwork, { nullable: true, description: 'The shared network, for SHARED_NETWORK.' })
  network(@Root() reason: RelationReason, @Ctx() context: RequestContext) {
    return reason.kind === RelationReasonKind.SHARED_NETWORK && reason.sharedKey ? networkByKey(context).load(reason.sharedKey) : null;
  }
}
